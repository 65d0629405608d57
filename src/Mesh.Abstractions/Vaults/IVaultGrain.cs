namespace Mesh.Vaults;

/// <summary>
/// One protocol's collateral on one chain (key <c>protocol/chain</c>, see <see cref="VaultKey"/>): balances per asset,
/// credit drawn from the pools, the exposures the protocol reports, and the health they add up to. Every
/// value-moving method is idempotent by <see cref="VaultMovement.OperationId"/> and durable before it returns.
/// </summary>
[Alias("mesh.vault")]
public interface IVaultGrain : IGrainWithStringKey
{
    /// <summary>Replaces the vault's exposures with a new report and revalues the vault.</summary>
    /// <param name="exposures">The whole book (an empty list closes every position); validated, refused with the field named.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vault's health with the new exposures.</returns>
    [Alias("mesh.vault.report-exposures")]
    Task<VaultHealth> ReportExposures(IReadOnlyList<Exposure> exposures, CancellationToken cancellationToken = default);

    /// <summary>Reads the vault's health with its breakdown, revalued at the latest prices.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The health.</returns>
    [Alias("mesh.vault.health")]
    Task<VaultHealth> Health(CancellationToken cancellationToken = default);

    /// <summary>Reads the reported exposures.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The book as last reported.</returns>
    [Alias("mesh.vault.exposures")]
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<Exposure>> Exposures(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deposits from the protocol's account into the vault on its chain. The operation is pending until the chain
    /// transaction is final (the chain's confirmations); only then does the balance count.
    /// </summary>
    /// <param name="movement">The deposit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation, usually pending; it completes by itself.</returns>
    [Alias("mesh.vault.deposit")]
    Task<OperationReceipt> Deposit(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>
    /// Withdraws from the vault to the protocol's account. The amount leaves the balance at once (in transit) and is
    /// given back if the chain transaction fails. Refused when the health factor after it would fall below the band.
    /// </summary>
    /// <param name="movement">The withdrawal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation, usually pending; it completes by itself.</returns>
    [Alias("mesh.vault.withdraw")]
    Task<OperationReceipt> Withdraw(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>
    /// Draws credit from the asset's pool into the vault. Refused while the protocol is not active, the oracle's breaker
    /// is open, or the health factor after the draw would fall below the band; the pool may refuse under its caps.
    /// </summary>
    /// <param name="movement">The draw.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation: completed, failed, or pending when the pool did not answer (it completes by itself).</returns>
    [Alias("mesh.vault.draw")]
    Task<OperationReceipt> Draw(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>Repays credit from the vault's balance: interest first, then principal. Allowed while suspended.</summary>
    /// <param name="movement">The repayment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation: completed, failed (nothing moved), or pending (it completes by itself).</returns>
    [Alias("mesh.vault.repay")]
    Task<OperationReceipt> Repay(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>Supplies liquidity from the vault's balance to the asset's pool; the protocol earns as a lender. Allowed while suspended.</summary>
    /// <param name="movement">The supply (amount in base units).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation.</returns>
    [Alias("mesh.vault.supply")]
    Task<OperationReceipt> Supply(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>Redeems pool shares back into the vault's balance.</summary>
    /// <param name="movement">The redemption (amount in pool shares).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation.</returns>
    [Alias("mesh.vault.redeem")]
    Task<OperationReceipt> Redeem(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>Reads one operation.</summary>
    /// <param name="operationId">The operation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation, or null if the vault never saw it.</returns>
    [Alias("mesh.vault.operation")]
    [Orleans.Concurrency.ReadOnly]
    Task<OperationReceipt?> Operation(string operationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes collateral out of the vault for a cross-chain transfer before its lock is sent (called by the transfer's
    /// saga): checked as a withdrawal (membership, balance, the health factor staying in the band), recorded as a pending
    /// <see cref="OperationKind.TransferOut"/> and taken out of the balance. A repeat answers the record.
    /// </summary>
    /// <param name="movement">The transfer's vault operation (its id is <c>transfer:</c> and the router's request id) with the asset and the amount the lock takes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending operation (or the record of a repeat).</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// <c>vault.insufficient_balance</c>, <c>vault.health_below_band</c>, <c>protocol.not_active</c> (422); <c>operation.id_reused</c> (409).
    /// </exception>
    [Alias("mesh.vault.transfer-out")]
    Task<OperationReceipt> TransferOut(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends an outgoing transfer: what came back to the vault on this chain (the whole amount when the transfer was
    /// compensated: the lock never took effect or was refunded; zero when it settled) is credited. Idempotent.
    /// </summary>
    /// <param name="operationId">The transfer's vault operation id.</param>
    /// <param name="returned">What came back, base units: zero or the operation's whole amount.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ended operation; null when the vault never recorded it (the transfer ended before taking anything).</returns>
    [Alias("mesh.vault.end-transfer-out")]
    Task<OperationReceipt?> EndTransferOut(string operationId, UInt128 returned, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records collateral about to arrive from another chain, before the transfer's release is sent (called by the
    /// saga), as a pending <see cref="OperationKind.TransferIn"/>; nothing is credited yet. A repeat answers the record.
    /// </summary>
    /// <param name="movement">The transfer's vault operation with the asset and the amount the release pays.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending operation.</returns>
    [Alias("mesh.vault.expect-transfer-in")]
    Task<OperationReceipt> ExpectTransferIn(VaultMovement movement, CancellationToken cancellationToken = default);

    /// <summary>Ends an incoming transfer: credited when its release is final, dropped when the transfer was compensated. Idempotent.</summary>
    /// <param name="operationId">The transfer's vault operation id.</param>
    /// <param name="released">True when the release is final on this chain.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ended operation; null when the vault never recorded it.</returns>
    [Alias("mesh.vault.end-transfer-in")]
    Task<OperationReceipt?> EndTransferIn(string operationId, bool released, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives collateral to another of the protocol's books on this chain, as its top-up desk ordered (called by the
    /// desk): checked against the vault's own margin again (it takes part in top-ups, holds the amount, and stays at
    /// or above the band's top after it), recorded as a pending <see cref="OperationKind.TopUpOut"/> and taken out of
    /// the balance, then credited to the receiving book; the vault drives it to the end after a failure. A repeat
    /// answers the record.
    /// </summary>
    /// <param name="order">The order; its giver must be this vault and its receiver a sibling (same protocol and chain).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation: completed once the receiver has it, failed (and given back) when the receiver refused, pending after a transient failure.</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// <c>topup.not_sibling</c>, <c>topup.wrong_vault</c>, <c>operation.malformed_id</c>, <c>asset.unknown</c>, <c>amount.zero</c> (400);
    /// <c>topup.not_enabled</c>, <c>vault.insufficient_balance</c>, <c>topup.below_floor</c> (422); <c>operation.id_reused</c> (409).
    /// </exception>
    [Alias("mesh.vault.give-top-up")]
    Task<OperationReceipt> GiveTopUp(Mesh.Rebalancing.TopUpOrder order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Credits collateral another of the protocol's books on this chain gave (called by the giver), recorded as a
    /// completed <see cref="OperationKind.TopUpIn"/> in the same write. Idempotent by the order's operation id.
    /// </summary>
    /// <param name="order">The order; its receiver must be this vault and its giver a sibling.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completed operation.</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// <c>topup.not_sibling</c>, <c>topup.wrong_vault</c>, <c>operation.malformed_id</c>, <c>asset.unknown</c>, <c>amount.zero</c> (400);
    /// <c>topup.not_enabled</c> (422); <c>operation.id_reused</c> (409, also for the same id from another giver).
    /// </exception>
    [Alias("mesh.vault.take-top-up")]
    Task<OperationReceipt> TakeTopUp(Mesh.Rebalancing.TopUpOrder order, CancellationToken cancellationToken = default);

    /// <summary>Revalues the vault at an oracle's new aggregate (called by the asset's revaluation partitions).</summary>
    /// <param name="snapshot">The new aggregate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vault's holding of the snapshot's asset, in base units, once its health reflects the price and it has acted on it (its revaluation partitions sum these: the mesh's holdings of the asset).</returns>
    [Alias("mesh.vault.on-price.holding")]
    Task<UInt128> OnPrice(Oracles.OracleSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Says what keeps the vault encumbered, so that its protocol may not leave.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Null when nothing is encumbered; otherwise the reason (collateral, credit, exposures or an operation in flight).</returns>
    [Alias("mesh.vault.encumbrance")]
    [Orleans.Concurrency.ReadOnly]
    Task<string?> Encumbrance(CancellationToken cancellationToken = default);

    /// <summary>Reads the vault's books as stored (balances, debt, operations in flight), for the conservation audit.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The books.</returns>
    [Alias("mesh.vault.books")]
    [Orleans.Concurrency.ReadOnly]
    Task<VaultBooks> Books(CancellationToken cancellationToken = default);

    /// <summary>The asset's pool recalled credit from this vault (its limits no longer allow it); the vault shows it in its health.</summary>
    /// <param name="asset">The pool's asset.</param>
    /// <param name="due">What is due now in base units (the pool's figure replaces the vault's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    [Alias("mesh.vault.on-recall")]
    Task OnRecall(string asset, UInt128 due, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets how the vault rebalances by itself: with <see cref="RebalanceSettings.AutoSell"/>, a vault below its band
    /// asks its collateral market's coordinator for a grant and sells under it (a liquidation below a health factor of
    /// 1), the proceeds repaying its debt.
    /// </summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The vault's rebalancing as now set.</returns>
    [Alias("mesh.vault.configure-rebalancing")]
    Task<VaultRebalancing> ConfigureRebalancing(RebalanceSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Reads the vault's rebalancing: settings, the sale in progress, what it has sold.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("mesh.vault.rebalancing")]
    [Orleans.Concurrency.ReadOnly]
    Task<VaultRebalancing> Rebalancing(CancellationToken cancellationToken = default);

    /// <summary>
    /// Advises how to allocate the vault's collateral between risky and stable assets for the volatility regime: the
    /// stable share's floor per regime, and what to sell when the vault is below it by more than the tolerance.
    /// Read-only: nothing moves.
    /// </summary>
    /// <param name="predictive">True to use the forecast regime (GARCH, as the oracle publishes it), which turns before realized volatility does; false for the realized (EWMA) regime.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The advice at the oracle prices the vault uses.</returns>
    [Alias("mesh.vault.allocation-advice")]
    [Orleans.Concurrency.ReadOnly]
    Task<Mesh.Rebalancing.AllocationAdvice> AllocationAdvice(bool predictive, CancellationToken cancellationToken = default);

    /// <summary>
    /// Advises the perp hedge per underlying that brings the vault's net delta (holdings minus debt, plus options and
    /// perps) back inside the band. Read-only: nothing is traded.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The advice at the oracle prices the vault uses.</returns>
    [Alias("mesh.vault.hedge-advice")]
    [Orleans.Concurrency.ReadOnly]
    Task<Mesh.Rebalancing.HedgeAdvice> HedgeAdvice(CancellationToken cancellationToken = default);
}
