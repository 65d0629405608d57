namespace Mesh.Pools;

/// <summary>
/// One asset's shared collateral pool (key: the asset symbol): liquidity from protocols acting as lenders, accounted in
/// shares; credit lines to vaults within utilization, per-protocol and per-risk-factor caps; interest by utilization.
/// Allocation and repayment are idempotent by operation id, so that the vault driving a move can retry after a crash
/// without moving value twice.
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

    /// <summary>What the pool answered to an operation id, if it has seen it: how a vault's pending step is resolved by an audit.</summary>
    /// <param name="operationId">The operation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or null when the pool never applied nor refused that id.</returns>
    [Alias("mesh.pool.operation")]
    [Orleans.Concurrency.ReadOnly]
    Task<PoolOperationRecord?> Operation(string operationId, CancellationToken cancellationToken = default);

    /// <summary>The pool's flows and balances as of its last change, with its identity checked: deposits − withdrawals + interest charged − reserve paid = free + credit outstanding.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The audit.</returns>
    [Alias("mesh.pool.audit")]
    [Orleans.Concurrency.ReadOnly]
    Task<PoolAudit> Audit(CancellationToken cancellationToken = default);
}
