namespace Mesh.Transfers;

/// <summary>
/// The bridge liquidity of one asset on one chain (key <c>chain/asset</c>, e.g. <c>local-b/USDC</c>) and the claims of
/// transfers on it, in integer base units. A release on the destination is paid from the bridge, so a transfer
/// reserves what it will release before it locks anything on its source; a transfer also holds, on its source, what
/// a refund of its lock would take, so that no other transfer can reserve the locked value before it has settled.
/// Every claim is idempotent by its id; a claim under an id already held with another amount is refused
/// (<c>inventory.conflict</c>, 409).
/// </summary>
[Alias("mesh.transfer.inventory")]
public interface ITransferInventoryGrain : IGrainWithStringKey
{
    /// <summary>Reserves <paramref name="amount"/> of the bridge's balance when available (balance less every claim) covers it.</summary>
    /// <param name="claimId">The claim's id (the transfer and its purpose).</param>
    /// <param name="amount">Base units; above zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the claim is held (a repeat of a held claim is true); false when available does not cover it.</returns>
    [Alias("mesh.transfer.inventory.reserve")]
    Task<bool> Reserve(string claimId, UInt128 amount, CancellationToken cancellationToken = default);

    /// <summary>Holds <paramref name="amount"/> for a refund whatever is available now (the lock it covers brings the balance).</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="amount">Base units; above zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the hold is durable.</returns>
    [Alias("mesh.transfer.inventory.hold")]
    Task Hold(string claimId, UInt128 amount, CancellationToken cancellationToken = default);

    /// <summary>Frees a claim; freeing an unknown or freed claim does nothing.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    [Alias("mesh.transfer.inventory.free")]
    Task Free(string claimId, CancellationToken cancellationToken = default);

    /// <summary>The bridge's balance on the chain now, the claims on it and what is available.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("mesh.transfer.inventory.view")]
    Task<TransferInventoryView> View(CancellationToken cancellationToken = default);
}
