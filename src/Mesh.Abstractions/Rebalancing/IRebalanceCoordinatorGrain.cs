namespace Mesh.Rebalancing;

/// <summary>
/// The coordinator of one asset market's sales (key: the asset symbol, e.g. <c>WETH</c>): vaults that must sell
/// collateral (deleveraging below their band, or liquidation below a health factor of 1) ask it for a grant before they
/// sell, so that many vaults rebalancing at once in a liquidity crunch do not cause a fire sale. It grants under the
/// global budget and the market's capacity, most urgent first, with a fair share per protocol; a grant has a deadline
/// and comes back if unused; grants are durable before they are answered, so a failover neither leaks capacity nor
/// grants twice.
/// </summary>
[Alias("mesh.rebalance-coordinator")]
public interface IRebalanceCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Asks for a grant to sell. Idempotent by <see cref="SaleRequest.RequestId"/>: asking again returns the request's
    /// current state (queued, granted, finished) and never a second grant. Requests arriving together are decided
    /// together, most urgent first; one that finds no room is queued until room comes back or its deadline passes.
    /// </summary>
    /// <param name="request">The request; validated, refused with the field named.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request's state after the allocation round that considered it.</returns>
    [Alias("mesh.rebalance-coordinator.request")]
    Task<SaleGrant> Request(SaleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a request's state.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state, or null if the coordinator never saw the request (or forgot it after it finished).</returns>
    [Alias("mesh.rebalance-coordinator.status")]
    Task<SaleGrant?> Status(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports a granted sale as executed: the sold quantity stops counting as in flight (Maker's <c>Dirt</c> falls as
    /// sales settle) and any unused part of the grant comes back. Idempotent.
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="executed">What was sold, in base units of the asset; at most what was granted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request's final state.</returns>
    [Alias("mesh.rebalance-coordinator.complete")]
    Task<SaleGrant> Complete(string requestId, UInt128 executed, CancellationToken cancellationToken = default);

    /// <summary>Gives a grant or a queued request back unused (the sale failed or is no longer needed). Idempotent.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="reason">Why, for the record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request's final state.</returns>
    [Alias("mesh.rebalance-coordinator.release")]
    Task<SaleGrant> Release(string requestId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs an allocation round now: expiries, then the queue decided against the room. With
    /// <c>Mesh:Rebalancing:AllocateOnRequest</c> false this is the only time queued requests are granted (a simulation
    /// calls it once per step, so that its runs repeat exactly); otherwise rounds also run as requests arrive.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The market after the round.</returns>
    [Alias("mesh.rebalance-coordinator.allocate")]
    Task<CoordinatorView> Allocate(CancellationToken cancellationToken = default);

    /// <summary>Reads the market's capacity, what is in flight, the queue and the policy in force.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("mesh.rebalance-coordinator.view")]
    Task<CoordinatorView> View(CancellationToken cancellationToken = default);
}
