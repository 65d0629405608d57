namespace Mesh.Pools;

/// <summary>
/// One asset's shared collateral pool (key: the asset symbol): liquidity from protocols acting as lenders, accounted in
/// shares; credit lines to vaults within utilization, per-protocol and per-risk-factor caps; interest by utilization.
/// Every operation is idempotent by its id within the vault that sent it (a vault's operation ids are its callers'
/// keys, so two vaults may use the same one), so that the vault driving a move can retry after a crash without moving
/// value twice.
/// </summary>
[Alias("mesh.pool")]
public interface ICollateralPoolGrain : IGrainWithStringKey
{
    /// <summary>Allocates credit to a vault, or refuses with the cap that stops it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The allocation.</returns>
    [Alias("mesh.pool.allocate")]
    Task<CreditReceipt> Allocate(CreditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Takes a repayment from a vault.</summary>
    /// <param name="request">The repayment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What it paid and what is still owed.</returns>
    [Alias("mesh.pool.repay")]
    Task<CreditReceipt> Repay(RepaymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>A lender supplies liquidity from its vault; shares are minted at the current price, rounded down.</summary>
    /// <param name="request">The supply (amount in assets).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was minted.</returns>
    [Alias("mesh.pool.supply")]
    Task<LiquidityReceipt> Supply(LiquidityRequest request, CancellationToken cancellationToken = default);

    /// <summary>A lender redeems shares back into its vault; assets are paid at the current price, rounded down.</summary>
    /// <param name="request">The redemption (amount in shares).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was paid.</returns>
    [Alias("mesh.pool.redeem")]
    Task<LiquidityReceipt> Redeem(LiquidityRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the pool.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pool's state, interest accrued to now.</returns>
    [Alias("mesh.pool.summary")]
    Task<PoolSummary> Summary(CancellationToken cancellationToken = default);

    /// <summary>Reads a lender's position.</summary>
    /// <param name="holderId">The lender.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its shares and what they are worth now.</returns>
    [Alias("mesh.pool.position")]
    Task<LiquidityReceipt> Position(string holderId, CancellationToken cancellationToken = default);

    /// <summary>What the pool answered to a vault's operation id, if it has seen it: how a vault's pending step is resolved by an audit.</summary>
    /// <param name="operationId">The operation's id.</param>
    /// <param name="vault">The vault that sent it (its grain key); for liquidity asked without a vault, the holder.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or null when the pool never applied nor refused that id for that vault, or has forgotten it (<see cref="Forget"/>).</returns>
    [Alias("mesh.pool.operation-of")]
    [Orleans.Concurrency.ReadOnly]
    Task<PoolOperationRecord?> Operation(string operationId, string vault, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the pool that the caller has recorded its answer to an operation and will not ask for it again. The pool
    /// keeps the answer for <c>Mesh:Pools:RetainAcknowledgedFor</c> more (beyond any request still in flight), then
    /// forgets the id, so that its book of answers holds the operations of the last hour rather than every one ever
    /// made. The acknowledgement is written with the pool's next change (lost with the activation before that: the
    /// answer is then kept). An id it does not know for that vault, or knows acknowledged, changes nothing.
    /// </summary>
    /// <param name="operationId">The operation's id.</param>
    /// <param name="vault">The vault that sent it (its grain key); for liquidity asked without a vault, the holder.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the pool has taken note.</returns>
    [Alias("mesh.pool.forget")]
    Task Forget(string operationId, string vault, CancellationToken cancellationToken = default);

    /// <summary>The pool's flows and balances as of its last change, with its identity checked: deposits − withdrawals + interest charged − reserve paid = free + credit outstanding.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The audit.</returns>
    [Alias("mesh.pool.audit")]
    [Orleans.Concurrency.ReadOnly]
    Task<PoolAudit> Audit(CancellationToken cancellationToken = default);

    /// <summary>Reads the limits, the stress on them and the recalls.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("mesh.pool.limits")]
    [Orleans.Concurrency.ReadOnly]
    Task<PoolLimitsView> Limits(CancellationToken cancellationToken = default);

    /// <summary>An operator replaces the limits; credit they no longer allow is recalled from the vaults under them, pro rata, and recorded.</summary>
    /// <param name="limits">The new limits; validated, and refused with the field named.</param>
    /// <param name="setBy">Who set them (an operator key id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view after the change.</returns>
    [Alias("mesh.pool.set-limits")]
    Task<PoolLimitsView> SetLimits(PoolLimits limits, string setBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// An oracle's regime or breaker changed: the caps of the factor <c>underlying:ASSET</c> shrink while its market is
    /// elevated (to 75%) or stressed or breaker-tripped (to 50%), recalling what they no longer allow; they come back when it calms.
    /// </summary>
    /// <param name="asset">The oracle's asset.</param>
    /// <param name="regime">Its volatility regime now.</param>
    /// <param name="breakerOpen">Whether its circuit breaker is open.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    [Alias("mesh.pool.on-risk")]
    Task OnRisk(string asset, Oracles.MarketRegime regime, bool breakerOpen, CancellationToken cancellationToken = default);
}
