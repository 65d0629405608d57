namespace Mesh.Rebalancing;

/// <summary>
/// The mesh's global cap on value under sale (MakerDAO's <c>Hole</c>), in integer micro-USD, and each market's claim on
/// it (one instance: key <see cref="Key"/>). Claims are absolute and idempotent: a coordinator claims the total it needs
/// in flight, not a delta, so that a coordinator that crashed between claiming and persisting its grants re-syncs by
/// claiming the total it persisted: no capacity leaks and none is granted twice. The sum of the claims never rises above
/// the cap; a claim that lowers a market's figure is always accepted.
/// </summary>
[Alias("mesh.rebalance-budget")]
public interface IRebalanceBudgetGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one budget.</summary>
    const long Key = 0;

    /// <summary>
    /// Sets a market's claim to <paramref name="total"/> when it fits (or is lower than its current claim), else to as
    /// much as fits (its current claim, or more, up to the cap less the others' claims). Idempotent: the same total again
    /// changes nothing.
    /// </summary>
    /// <param name="market">The market (the coordinator's asset).</param>
    /// <param name="total">The market's wanted claim in micro-USD: its value in flight plus what it wants to grant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The market's claim after the call.</returns>
    [Alias("mesh.rebalance-budget.claim")]
    Task<BudgetClaim> Claim(string market, UInt128 total, CancellationToken cancellationToken = default);

    /// <summary>Reads the cap and every market's claim.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("mesh.rebalance-budget.view")]
    Task<BudgetView> View(CancellationToken cancellationToken = default);
}
