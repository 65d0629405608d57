namespace Mesh.Grains.Tests.Pools;

/// <summary>One random operation on a pool, for the ledger's property tests.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="A">The first index (holder, vault or chain), or seconds to advance.</param>
/// <param name="B">The second index (chain), a percentage or a risk-factor mask.</param>
/// <param name="Amount">The amount, where one is needed.</param>
/// <param name="Flag">Whether a draw may be granted in part.</param>
internal sealed record PoolOp(PoolOp.Op Kind, int A, int B, UInt128 Amount, bool Flag)
{
    /// <summary>The operations.</summary>
    public enum Op
    {
        /// <summary>Deposit Amount for holder A on chain B.</summary>
        Deposit,

        /// <summary>Withdraw Amount for holder A on chain B.</summary>
        Withdraw,

        /// <summary>Redeem B% of holder A's shares on chain A.</summary>
        Redeem,

        /// <summary>Draw Amount for vault A against the risk factors in mask B.</summary>
        Draw,

        /// <summary>Repay B% of vault A's debt (100 or more repays it all).</summary>
        Repay,

        /// <summary>Recall Amount from vault A.</summary>
        Recall,

        /// <summary>Advance the clock A seconds and accrue.</summary>
        Advance,

        /// <summary>Move Amount from chain A to chain B.</summary>
        Move,

        /// <summary>Pay Amount of reserve on chain A.</summary>
        WithdrawReserve,

        /// <summary>A fresh holder deposits Amount on chain A and redeems it all at once.</summary>
        RoundTrip,

        /// <summary>Tighten every risk factor's absolute cap to B% of the largest allocation, recall the excess, repay it.</summary>
        TightenAndRecall,
    }
}
