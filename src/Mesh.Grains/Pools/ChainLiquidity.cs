namespace Mesh.Grains.Pools;

/// <summary>
/// The pool's liquidity on one chain and every flow that made it, so that
/// Free = Deposited + Repaid + MovedIn − Withdrawn − Drawn − MovedOut − ReserveWithdrawn holds exactly.
/// </summary>
internal sealed class ChainLiquidity
{
    /// <summary>The assets on this chain not lent out.</summary>
    public UInt128 Free { get; set; }

    /// <summary>Every deposit on this chain, ever.</summary>
    public UInt128 Deposited { get; set; }

    /// <summary>Every withdrawal (by assets or redemption) paid on this chain, ever.</summary>
    public UInt128 Withdrawn { get; set; }

    /// <summary>Every credit drawn by a vault on this chain, ever.</summary>
    public UInt128 Drawn { get; set; }

    /// <summary>Every repayment (principal and interest) received on this chain, ever.</summary>
    public UInt128 Repaid { get; set; }

    /// <summary>Liquidity moved here from other chains, ever.</summary>
    public UInt128 MovedIn { get; set; }

    /// <summary>Liquidity moved from here to other chains, ever.</summary>
    public UInt128 MovedOut { get; set; }

    /// <summary>Reserve paid out to the protocol on this chain, ever.</summary>
    public UInt128 ReserveWithdrawn { get; set; }
}
