using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mesh.Api.Idempotency;

/// <summary>Marks value-moving endpoints.</summary>
public static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Requires an <c>Idempotency-Key</c> header (1 to 255 visible ASCII characters; else 400
    /// <c>idempotency.key_required</c> / <c>idempotency.key_invalid</c>). The first response with a status below 500 is
    /// recorded durably and replayed to any retry with the same key and request (header <c>Idempotent-Replayed: true</c>);
    /// the same key with another method, path or body gets 422 <c>idempotency.key_reused</c>; a retry while the first
    /// runs gets 409 <c>idempotency.in_progress</c> with <c>Retry-After</c>. Not recorded (the lease is released, so a
    /// retry runs again with the same <see cref="IdempotencyContext.OperationId"/>): a 5xx, an unexpected exception, and a
    /// refused request shape (malformed body, unknown field, bad amount: <see cref="Problems.ApiException"/>), so that a
    /// corrected request may reuse the key. A <see cref="Errors.MeshException"/> below 500 is a domain decision and is recorded.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(IdempotencyMetadata.Instance);
    }
}
