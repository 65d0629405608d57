namespace Mesh.Grains.Pools;

/// <summary>
/// The persisted state of one collateral pool (one asset): plain data that serializes with System.Text.Json without
/// type names. <see cref="PoolLedger"/> is the only writer; its CheckInvariants documents the equations that tie the
/// fields together.
/// </summary>
internal sealed class PoolState
{
    /// <summary>The state's schema version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The virtual share offset against the inflation attack (10^offset virtual shares); fixed at creation.</summary>
    public int ShareDecimalsOffset { get; set; } = 6;

    /// <summary>The shares in issue; equals the sum of <see cref="Holders"/>.</summary>
    public UInt128 TotalShares { get; set; }

    /// <summary>Shares per liquidity provider (a protocol id); no entry holds zero.</summary>
    public Dictionary<string, UInt128> Holders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Liquidity and its flows per chain.</summary>
    public Dictionary<string, ChainLiquidity> Chains { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Credit lines per vault id; a vault with no debt has no entry.</summary>
    public Dictionary<string, VaultCredit> Vaults { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The borrow index in RAY, starting at one RAY and never decreasing.</summary>
    public UInt128 BorrowIndexRay { get; set; } = FixedPoint.Ray;

    /// <summary>The sum of the vaults' scaled debts.</summary>
    public UInt128 TotalScaledDebt { get; set; }

    /// <summary>
    /// Everything borrowers have been charged beyond what they drew: interest from the index, plus the rounding of
    /// their scaled debt, which is always in the pool's favour.
    /// </summary>
    public UInt128 InterestCharged { get; set; }

    /// <summary>The reserve's share of <see cref="InterestCharged"/>, ever.</summary>
    public UInt128 ReserveAccrued { get; set; }

    /// <summary>Reserve paid out, ever; the reserve held is <see cref="ReserveAccrued"/> − this.</summary>
    public UInt128 ReserveWithdrawn { get; set; }

    /// <summary>When interest was last accrued, in Unix seconds.</summary>
    public long LastAccrualUnixSeconds { get; set; }

    /// <summary>The credit limits.</summary>
    public PoolCaps Caps { get; set; } = new();

    /// <summary>Per risk factor under market stress, the share of its caps that applies now, in WAD (absent: all of them).</summary>
    public Dictionary<string, UInt128> StressWad { get; set; } = new(StringComparer.Ordinal);
}
