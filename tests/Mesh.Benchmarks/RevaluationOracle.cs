using Mesh.Oracles;
using Mesh.Revaluation;

namespace Mesh.Benchmarks;

/// <summary>
/// Feeds the benchmark asset's oracle from its three default sources (<c>feed-1</c>..<c>feed-3</c>) and waits for a
/// round's fan-out: the oracle publishes every new round to the asset's revaluation partitions without awaiting them,
/// so <see cref="AwaitFanOutAsync"/> publishes the same snapshot to the same partitions itself and awaits them. A
/// partition is not reentrant and takes its messages in order, so its answer comes after the oracle's own publish of
/// that round has revalued every member (the partition then answers a round it has already published at once).
/// </summary>
internal sealed class RevaluationOracle(IGrainFactory grains, string asset)
{
    public const int Sources = 3;
    private readonly DateTimeOffset[] _lastObserved = new DateTimeOffset[Sources];
    private readonly IOracleGrain _oracle = grains.GetGrain<IOracleGrain>(asset);
    private readonly IRevaluationIndexGrain[] _partitions = [.. Enumerable.Range(0, RevaluationPartitions.Count).Select(p => grains.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key(asset, p)))];

    /// <summary>One source's observation (a new oracle round); returns the aggregate.</summary>
    public Task<OracleSnapshot> ObserveAsync(int source, decimal price, CancellationToken cancellationToken = default)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (now <= _lastObserved[source])
        {
            now = _lastObserved[source].AddTicks(1);
        }

        _lastObserved[source] = now;
        return _oracle.Observe(new PriceObservation($"feed-{source + 1}", price, now), cancellationToken);
    }

    /// <summary>Every source at <paramref name="price"/>, then waits for the last round's fan-out.</summary>
    public async Task<OracleSnapshot> ObserveAllAsync(decimal price, CancellationToken cancellationToken = default)
    {
        OracleSnapshot snapshot = null!;
        for (var source = 0; source < Sources; source++)
        {
            snapshot = await ObserveAsync(source, price, cancellationToken);
        }

        await AwaitFanOutAsync(snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>Waits until every partition has revalued its vaults at <paramref name="snapshot"/>'s round; returns how many vaults they hold.</summary>
    public async Task<int> AwaitFanOutAsync(OracleSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(_partitions.Select(p => p.Publish(snapshot, cancellationToken)));
        return counts.Sum();
    }
}
