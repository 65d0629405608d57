using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Grains.Rebalancing;
using Mesh.Transfers;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Grains.Transfers;

/// <summary>One bridge route's capacity and rate limit, shared by every transfer that crosses it. Non-reentrant: admissions are one at a time.</summary>
internal sealed class TransferRouteGrain(
    [PersistentState("transfer-route")] IPersistentState<TransferRouteState> state,
    ChainsConfiguration chains,
    [FromKeyedServices(TransferServices.ClockKey)] TimeProvider time) : Grain, ITransferRouteGrain
{
    private BridgeRoute? _route;

    private BridgeRoute Route => _route ??= Find(this.GetPrimaryKeyString());

    public async Task<string?> Admit(string transferId, UInt128 amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transferId);
        var s = state.State;
        if (s.InTransit.ContainsKey(transferId))
        {
            return null;
        }

        var inTransit = InTransit();
        if (amount == UInt128.Zero || inTransit > Route.Capacity || amount > Route.Capacity - inTransit)
        {
            return "route.capacity";
        }

        var bucket = Bucket();
        if (!bucket.TryTake(amount, time.GetUtcNow(), out _))
        {
            return "route.rate_limited";
        }

        var before = (s.Tokens, s.RefilledAtUnixSeconds);
        (s.Tokens, s.RefilledAtUnixSeconds) = (bucket.Tokens, bucket.RefilledAtUnixSeconds);
        s.InTransit[transferId] = amount;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.InTransit.Remove(transferId);
            (s.Tokens, s.RefilledAtUnixSeconds) = before;
            throw;
        }

        return null;
    }

    public async Task Complete(string transferId, CancellationToken cancellationToken = default)
    {
        _ = Route;
        if (!state.State.InTransit.Remove(transferId, out var amount))
        {
            return;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.InTransit[transferId] = amount;
            throw;
        }
    }

    public async Task GiveBack(string transferId, CancellationToken cancellationToken = default)
    {
        _ = Route;
        var s = state.State;
        if (!s.InTransit.Remove(transferId, out var amount))
        {
            return;
        }

        var before = (s.Tokens, s.RefilledAtUnixSeconds);
        var bucket = Bucket();
        bucket.Return(amount, time.GetUtcNow());
        (s.Tokens, s.RefilledAtUnixSeconds) = (bucket.Tokens, bucket.RefilledAtUnixSeconds);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.InTransit[transferId] = amount;
            (s.Tokens, s.RefilledAtUnixSeconds) = before;
            throw;
        }
    }

    public Task<(UInt128 InTransit, UInt128 BucketAvailable)> Load(CancellationToken cancellationToken = default) =>
        Task.FromResult((InTransit(), Bucket().Available(time.GetUtcNow())));

    private UInt128 InTransit() => state.State.InTransit.Values.Aggregate(UInt128.Zero, (sum, a) => checked(sum + a));

    private TokenBucket Bucket()
    {
        var s = state.State;
        var limit = Route.RateLimit;
        var bucket = TokenBucket.Full(limit.Capacity, limit.RefillPerSecond, time.GetUtcNow());
        if (s.Tokens is { } tokens)
        {
            (bucket.Tokens, bucket.RefilledAtUnixSeconds) = (tokens, s.RefilledAtUnixSeconds);
        }

        return bucket;
    }

    private BridgeRoute Find(string key)
    {
        var parts = key.Split('/');
        return (parts.Length == 3 ? chains.FindRoute(parts[1], parts[2], parts[0]) : null)
            ?? throw new MeshException(MeshErrorKind.NotFound, "route.unknown", $"'{key}' is not asset/from/to of a bridge route of this mesh.");
    }
}
