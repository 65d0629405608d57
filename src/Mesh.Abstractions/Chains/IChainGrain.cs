namespace Mesh.Chains;

/// <summary>
/// One chain of the mesh (key: the chain name in <c>chains.json</c>, e.g. <c>local-a</c>): its configuration, head and
/// finalized head, RPC health and the mesh's inventory per asset in the vault contract. While active it polls the
/// chain every block time (at least every 200 ms). A name that is not in <c>chains.json</c> is refused with
/// <c>chain.unknown</c> (not found).
/// </summary>
[Alias("mesh.chain")]
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>The chain as of the grain's latest poll (the first poll runs on activation); does not call the chain.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    [Alias("mesh.chain.status")]
    Task<ChainStatus> Status(CancellationToken cancellationToken = default);

    /// <summary>Polls the chain now (head, finalized head, inventory when the head moved) and returns the status after it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status; a failed poll shows in its health and error fields, it does not throw.</returns>
    [Alias("mesh.chain.refresh")]
    Task<ChainStatus> Refresh(CancellationToken cancellationToken = default);

    /// <summary>Reads the vault contract's balance of every collateral token of the chain at the head, now.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="Mesh.Errors.MeshException">With <c>chain.unavailable</c> (unavailable) when the chain cannot be read.</exception>
    [Alias("mesh.chain.inventory")]
    Task<ChainInventory> Inventory(CancellationToken cancellationToken = default);

    /// <summary>
    /// The inventory the grain's event index holds (the vault's movement events, final once the chain's confirmations
    /// are on top, tentative before), as of its latest poll; does not call the chain.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The indexed inventory.</returns>
    [Alias("mesh.chain.indexed_inventory")]
    Task<IndexedInventory> IndexedInventory(CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the index up to the head and compares it, per token and per protocol, with the vault contract's balances
    /// read at that same head.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report; a difference is a line with status <see cref="ReconciliationStatus.Differs"/>, not an error.</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// With <c>chain.unavailable</c> (unavailable) when the chain cannot be read, answers invalid data, or keeps moving
    /// while the balances are read.
    /// </exception>
    [Alias("mesh.chain.reconcile")]
    Task<ReconciliationReport> Reconcile(CancellationToken cancellationToken = default);
}
