using System.Collections.Concurrent;
using Mesh.Api;
using Mesh.Api.Authentication;
using Mesh.Api.Idempotency;
using Mesh.Api.Json;
using Mesh.Errors;
using Mesh.TestGrains;

namespace Mesh.TestSilo;

/// <summary>
/// Endpoints on the API's conventions (MapMeshApiGroup) for Mesh.Api.Tests: a value-moving deposit on a counter grain
/// that dedupes by the idempotency operation id, gates that hold a request in flight, and failures of each kind.
/// </summary>
public static class ApiTestEndpoints
{
    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Guid, byte> Conflicted = new();
    private static int _invocations;

    public static void MapApiTestEndpoints(this WebApplication app)
    {
        var api = app.MapMeshApiGroup("/test/api");
        api.MapPost("/deposits/{account}", async (string account, TestDeposit body, IdempotencyContext idempotency, IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            var invocation = Interlocked.Increment(ref _invocations);
            if (body.Gate is { } name)
            {
                await Gates.GetOrAdd(name, _ => new Gate()).PassAsync(cancellationToken);
            }

            var balance = await grains.GetGrain<ICounterGrain>(account).Add(idempotency.OperationId, checked((long)body.Amount.Value));
            return TypedResults.Created($"/test/api/deposits/{account}", new { account, balance, operationId = idempotency.OperationId, attempt = idempotency.Attempt, invocation });
        }).RequireIdempotency();
        api.MapGet("/deposits/{account}", async (string account, IGrainFactory grains) =>
        {
            var snapshot = await grains.GetGrain<ICounterGrain>(account).Get();
            return TypedResults.Ok(new { balance = snapshot.Value, operations = snapshot.Operations });
        });
        api.MapPost("/refusals", IResult (TestDeposit body) =>
            throw new MeshException(MeshErrorKind.Refused, "test.cap_reached", $"amount: {body.Amount} is over the cap.", "amount")).RequireIdempotency();
        // The first attempt of each key loses a concurrent write (as a grain's ETag check would), the next one succeeds.
        api.MapPost("/conflicts", IResult (TestDeposit body, IdempotencyContext idempotency) =>
            Conflicted.TryAdd(idempotency.OperationId, 0)
                ? throw new Orleans.Storage.InconsistentStateException("test: a concurrent write won")
                : TypedResults.Ok(new { amount = body.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt = idempotency.Attempt })).RequireIdempotency();
        api.MapPost("/failures", IResult (TestDeposit body) => throw new InvalidOperationException($"internal detail {body.Gate}"));
        api.MapPost("/protocols/{protocolId}/touch", (string protocolId, ApiCaller caller) =>
        {
            caller.EnsureProtocol(protocolId);
            return TypedResults.Ok(new { protocolId, caller = caller.Principal });
        }).RequireAuthorization(ApiPolicies.Protocol);
        app.MapGet("/test/gates/{name}", (string name) => TypedResults.Ok(new { waiting = Gates.GetOrAdd(name, _ => new Gate()).Waiting }));
        app.MapPost("/test/gates/{name}/open", (string name) =>
        {
            Gates.GetOrAdd(name, _ => new Gate()).Open();
            return TypedResults.NoContent();
        });
    }

    /// <summary>A test deposit: an amount and, optionally, a gate to wait at before moving it.</summary>
    public sealed record TestDeposit(Amount Amount, string? Gate = null);

    private sealed class Gate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public async Task PassAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await _open.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        public void Open() => _open.TrySetResult();
    }
}
