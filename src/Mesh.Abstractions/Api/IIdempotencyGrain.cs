namespace Mesh.Api;

/// <summary>
/// The durable record of one idempotency key of one principal (grain key: see <c>IdempotencyScope</c> in Mesh.Api):
/// the fingerprint of the first request, whether it is in flight (under a lease) or completed, and its response.
/// </summary>
[Alias("mesh.api.idempotency")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Starts a request under this key, or tells why it must not run.</summary>
    /// <param name="fingerprint">The request's fingerprint (method, path, SHA-256 of the body).</param>
    /// <param name="lease">How long the caller may take before another attempt may start.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Started with a lease token, Completed with the first response, InProgress with the lease's end, or Mismatch.</returns>
    [Alias("mesh.api.idempotency.begin")]
    Task<IdempotencyBegin> Begin(string fingerprint, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Records the response of the attempt holding <paramref name="leaseToken"/>; ignored for another token.</summary>
    /// <param name="leaseToken">The token <see cref="Begin"/> returned.</param>
    /// <param name="response">The response to replay to retries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the response was recorded.</returns>
    [Alias("mesh.api.idempotency.complete")]
    Task<bool> Complete(Guid leaseToken, IdempotentResponse response, CancellationToken cancellationToken = default);

    /// <summary>Ends the lease without a response (the attempt failed in a way a retry may fix), so a retry runs at once.</summary>
    /// <param name="leaseToken">The token <see cref="Begin"/> returned.</param>
    /// <param name="forgetRequest">
    /// True when the handler never acted (the request's shape was refused): the fingerprint is dropped, so a corrected
    /// request may use the key. False after a failure the handler may have acted in: a retry must be the same request.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the lease is released.</returns>
    [Alias("mesh.api.idempotency.release")]
    Task Release(Guid leaseToken, bool forgetRequest, CancellationToken cancellationToken = default);
}
