using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mesh.Grains.Diagnostics;

/// <summary>
/// The telemetry of Mesh.Grains: one <see cref="ActivitySource"/> and one <see cref="Meter"/> named <see cref="Name"/>,
/// and the names of their instruments and of the <c>mesh.*</c> attributes. The host wires exporters.
/// </summary>
public static class GrainsDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Mesh.Grains";

    /// <summary>Histogram of vault health factors, one per revaluation that has one, tagged with the chain.</summary>
    public const string VaultHealthFactor = "mesh.vault.health_factor";

    /// <summary>Gauge of a pool's utilization (credit / (free + credit)), 0 to 1, per asset.</summary>
    public const string PoolUtilization = "mesh.pool.utilization";

    /// <summary>Gauge of a pool's annual borrow rate, per asset.</summary>
    public const string PoolBorrowRate = "mesh.pool.borrow_rate";

    /// <summary>Gauge of a pool's annual supply rate, per asset.</summary>
    public const string PoolSupplyRate = "mesh.pool.supply_rate";

    /// <summary>Gauge of the age of an asset's aggregate price, in seconds, per asset.</summary>
    public const string OracleAge = "mesh.oracle.age";

    /// <summary>Gauge: 1 while an asset's oracle circuit breaker is open, 0 otherwise.</summary>
    public const string OracleBreakerOpen = "mesh.oracle.breaker.open";

    /// <summary>Gauge of a market's sale capacity in flight (granted, not yet finished), in base units, per asset.</summary>
    public const string CoordinatorCapacityUsed = "mesh.coordinator.capacity.used";

    /// <summary>Gauge of a market's sale capacity still free, in base units, per asset.</summary>
    public const string CoordinatorCapacityFree = "mesh.coordinator.capacity.free";

    /// <summary>Histogram of how long a sale request waited in a coordinator's queue before its grant, in seconds (every market).</summary>
    public const string CoordinatorQueueWait = "mesh.coordinator.queue.wait";

    /// <summary>Counter of the allocation rounds an adaptive market's spillover gate held, per asset.</summary>
    public const string CoordinatorSpilloverHeld = "mesh.coordinator.spillover.held";

    /// <summary>Counter of top-ups between a protocol's books that ended, per asset, tagged with the outcome (<c>completed</c>, <c>given_back</c>).</summary>
    public const string TopUpsEnded = "mesh.vault.topups";

    /// <summary>The tag of a top-up's outcome.</summary>
    public const string TopUpOutcomeTag = "mesh.topup.outcome";

    /// <summary>Counter of transfers quoted (a transfer's first state).</summary>
    public const string TransfersStarted = "mesh.transfer.started";

    /// <summary>Counter of transfers that reached a terminal phase, tagged with the phase.</summary>
    public const string TransfersEnded = "mesh.transfer.ended";

    /// <summary>Histogram of a transfer's duration from quote to terminal phase, in seconds, tagged with the phase.</summary>
    public const string TransferDuration = "mesh.transfer.duration";

    /// <summary>Attribute: the asset symbol (a pool, an oracle, a coordinator's market, a movement).</summary>
    public const string AssetTag = "mesh.asset";

    /// <summary>Attribute: the chain name (the same name as Mesh.Chains uses).</summary>
    public const string ChainTag = "mesh.chain.name";

    /// <summary>Attribute: the protocol id (spans only: unbounded in number).</summary>
    public const string ProtocolTag = "mesh.protocol";

    /// <summary>Attribute: the vault key (spans only).</summary>
    public const string VaultTag = "mesh.vault";

    /// <summary>Attribute: the transfer id (spans only).</summary>
    public const string TransferIdTag = "mesh.transfer.id";

    /// <summary>Attribute: a transfer's phase, lower case (e.g. <c>settled</c>).</summary>
    public const string TransferPhaseTag = "mesh.transfer.phase";

    /// <summary>The activity source.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name);
}
