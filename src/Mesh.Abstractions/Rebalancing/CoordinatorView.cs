namespace Mesh.Rebalancing;

/// <summary>A coordinator's market as of now.</summary>
/// <param name="Asset">The market's asset.</param>
/// <param name="Policy">The policy in force.</param>
/// <param name="Capacity">What may be in flight now, in base units of the asset (the smallest of the market cap, the global budget's share and, under the adaptive policy, the impact-bounded size); <see cref="UInt128.MaxValue"/> when unbounded.</param>
/// <param name="InFlight">Granted and not yet completed, released or expired.</param>
/// <param name="Free">Capacity less in flight (zero when in flight exceeds it after a contraction).</param>
/// <param name="FlowAvailable">What the flow budget (token bucket) allows now; <see cref="UInt128.MaxValue"/> when it has none.</param>
/// <param name="Queued">Requests waiting for room.</param>
/// <param name="QueuedQuantity">What the queued requests ask for in total.</param>
/// <param name="OldestQueuedAt">When the longest-waiting request arrived; null with an empty queue.</param>
/// <param name="ExpectedImpact">The expected relative price impact of everything in flight (square-root law); null when the depth or volatility is unknown.</param>
/// <param name="ImpactBound">The bound the adaptive policy keeps <paramref name="ExpectedImpact"/> under; null under other policies.</param>
/// <param name="Depth">The market's depth the capacity was sized from, in base units of the asset per day; null when unknown.</param>
/// <param name="Granted">Grants issued since the market started.</param>
/// <param name="Completed">Grants completed.</param>
/// <param name="Expired">Grants and queued requests that expired.</param>
/// <param name="AsOf">When the view was taken.</param>
/// <param name="CapacityBasis">What bounds <paramref name="Capacity"/>, a stable code: <c>unbounded</c>, <c>static</c>, <c>adaptive</c> (the impact bound binds), or under the adaptive policy without market data <c>static.no_venue</c> / <c>static.no_market</c> (the static caps only).</param>
[GenerateSerializer]
[Alias("mesh.rebalance.coordinator-view")]
public sealed record CoordinatorView(
    [property: Id(0)] string Asset,
    [property: Id(1)] RebalancePolicy Policy,
    [property: Id(2)] UInt128 Capacity,
    [property: Id(3)] UInt128 InFlight,
    [property: Id(4)] UInt128 Free,
    [property: Id(5)] UInt128 FlowAvailable,
    [property: Id(6)] int Queued,
    [property: Id(7)] UInt128 QueuedQuantity,
    [property: Id(8)] DateTimeOffset? OldestQueuedAt,
    [property: Id(9)] double? ExpectedImpact,
    [property: Id(10)] double? ImpactBound,
    [property: Id(11)] UInt128? Depth,
    [property: Id(12)] long Granted,
    [property: Id(13)] long Completed,
    [property: Id(14)] long Expired,
    [property: Id(15)] DateTimeOffset AsOf,
    [property: Id(16)] string CapacityBasis);
