using System.Reflection;
using Mesh.Errors;
using Microsoft.AspNetCore.Http;

namespace Mesh.Api.Idempotency;

/// <summary>
/// The idempotency of the current value-moving request; declare a parameter of this type in a handler of an endpoint
/// marked <see cref="IdempotencyEndpointExtensions.RequireIdempotency{TBuilder}"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>The contract with domain grains.</b> The API records the first response under the caller's principal and
/// <c>Idempotency-Key</c> and replays it to retries. That record is written after the handler returns, so a silo can
/// die after the domain grain applied the change and before the response was recorded; after the lease
/// (<see cref="MeshApiOptions.IdempotencyLease"/>) a retry runs the handler again, possibly on another silo. To make
/// that safe, the handler passes <see cref="OperationId"/> to the domain grain with the command, and the grain
/// <b>must</b> dedupe on it: it persists the ids it has applied (with the command's result) in the same write as the
/// effect, and a command whose id it has already applied returns the first result and changes nothing. Then a value
/// move is applied at most once however often, and wherever, the request is retried.
/// </para>
/// <para>
/// <see cref="OperationId"/> is the same for every attempt of one (principal, key) pair on every silo, and differs
/// between principals and between keys: SHA-256 of <c>"mesh.operation.v1"</c>, the scope and the key. A grain that
/// starts several effects for one command derives sub-ids from it (for example per chain) deterministically.
/// </para>
/// </remarks>
public sealed class IdempotencyContext
{
    internal IdempotencyContext(string scope, string key, Guid operationId, int attempt)
    {
        Scope = scope;
        Key = key;
        OperationId = operationId;
        Attempt = attempt;
    }

    /// <summary>Gets the caller's scope (<c>role:principal</c>).</summary>
    public string Scope { get; }

    /// <summary>Gets the client's <c>Idempotency-Key</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the deterministic operation id the domain grains dedupe their effects on (see remarks).</summary>
    public Guid OperationId { get; }

    /// <summary>Gets which attempt this is: 1 for the first; more after an earlier attempt failed or its silo died.</summary>
    public int Attempt { get; }

    /// <summary>Minimal API binding.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The parameter.</param>
    /// <returns>The context.</returns>
    /// <exception cref="MeshException">When the endpoint was not marked with <c>RequireIdempotency()</c>.</exception>
    public static ValueTask<IdempotencyContext?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IdempotencyContext?>(context.Features.Get<IdempotencyContext>()
            ?? throw new InvalidOperationException("IdempotencyContext is only available on endpoints marked RequireIdempotency()."));
    }
}
