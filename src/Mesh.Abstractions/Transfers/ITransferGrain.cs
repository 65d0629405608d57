namespace Mesh.Transfers;

/// <summary>
/// One cross-chain move of a protocol's collateral (key: the router's request id, 1–140 letters, digits, '-', '_', '.'
/// or ':'; the API keys it <c>router:requestId</c>): quote → reserve the destination's inventory → lock on the source → source finality → release on the
/// destination → destination finality → settle; on a failure or timeout it compensates (refunds the lock on the
/// source, frees the reservation), so that value is never lost or duplicated. Durable before every chain submission
/// and driven by a reminder, so it resumes after a silo crash. Idempotent by request id: the same request again is
/// the same transfer; a different request under the same id is refused with <c>transfer.conflict</c> (409).
/// </summary>
[Alias("mesh.transfer")]
public interface ITransferGrain : IGrainWithStringKey
{
    /// <summary>
    /// Prices the request on the cheapest route that fits amount, capacity, rate limits, chain health and deadline.
    /// A repeat while quoted answers the same quote until it expires, then a fresh one; after execution it answers the
    /// executed quote.
    /// </summary>
    /// <param name="request">The request; every field is validated, a bad one refused naming it (400).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// <c>transfer.conflict</c> (409) for another request under this id; <c>route.unavailable</c> (422) when no route fits, with the reasons.
    /// </exception>
    [Alias("mesh.transfer.quote")]
    Task<TransferQuote> Quote(TransferQuoteRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Executes the quote: reserves the destination's inventory and starts the saga; it then runs by itself. A repeat
    /// answers the current status.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status: reserved or further, or failed (no inventory) with the reason.</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// <c>transfer.not_found</c> (404) without a quote; <c>quote.expired</c> (422) after the quote expired (quote again);
    /// <c>transfer.cancelled</c> (409) after a cancel.
    /// </exception>
    [Alias("mesh.transfer.execute")]
    Task<TransferStatus> Execute(CancellationToken cancellationToken = default);

    /// <summary>The transfer as it stands.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    /// <exception cref="Mesh.Errors.MeshException"><c>transfer.not_found</c> (404) without a quote.</exception>
    [Alias("mesh.transfer.status")]
    Task<TransferStatus> Status(CancellationToken cancellationToken = default);

    /// <summary>Cancels before the lock: a quote ends failed, a reservation is freed (compensated). Repeats answer the same.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status after the cancel.</returns>
    /// <exception cref="Mesh.Errors.MeshException">
    /// <c>transfer.not_found</c> (404) without a quote; <c>transfer.locked</c> (409) once the lock is submitted or the transfer ended otherwise.
    /// </exception>
    [Alias("mesh.transfer.cancel")]
    Task<TransferStatus> Cancel(CancellationToken cancellationToken = default);
}
