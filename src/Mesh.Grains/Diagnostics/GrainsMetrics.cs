using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mesh.Grains.Pools;
using Mesh.Transfers;

namespace Mesh.Grains.Diagnostics;

/// <summary>
/// The instruments of Mesh.Grains and the one-line recordings grains make where a value changes. Gauges read the
/// latest values from <see cref="LatestValues"/> registries, so they do not depend on a grain's lifetime.
/// </summary>
internal static class GrainsMetrics
{
    private const double Ray = 1e27;

    private static readonly Histogram<double> HealthFactor = GrainsDiagnostics.Meter.CreateHistogram<double>(
        GrainsDiagnostics.VaultHealthFactor, "1", "Vault health factors at revaluation.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 0.8, 1.0, 1.05, 1.1, 1.2, 1.3, 1.5, 2, 3, 5, 10] });

    private static readonly Histogram<double> QueueWait = GrainsDiagnostics.Meter.CreateHistogram<double>(
        GrainsDiagnostics.CoordinatorQueueWait, "s", "Time sale requests waited for a grant.");

    private static readonly Counter<long> SpilloverRounds = GrainsDiagnostics.Meter.CreateCounter<long>(
        GrainsDiagnostics.CoordinatorSpilloverHeld, "{round}", "Allocation rounds the spillover gate held: their sales would have marked off the rest of the mesh's holdings more margin than they freed.");

    private static readonly Counter<long> TopUps = GrainsDiagnostics.Meter.CreateCounter<long>(
        GrainsDiagnostics.TopUpsEnded, "{gift}", "Top-ups between a protocol's books that ended: completed, or given back to the giver.");

    private static readonly Counter<long> Started = GrainsDiagnostics.Meter.CreateCounter<long>(
        GrainsDiagnostics.TransfersStarted, "{transfer}", "Transfers quoted.");

    private static readonly Counter<long> Ended = GrainsDiagnostics.Meter.CreateCounter<long>(
        GrainsDiagnostics.TransfersEnded, "{transfer}", "Transfers that reached a terminal phase.");

    private static readonly Histogram<double> Duration = GrainsDiagnostics.Meter.CreateHistogram<double>(
        GrainsDiagnostics.TransferDuration, "s", "Transfer durations from quote to terminal phase.");

    public static LatestValues Utilization { get; } = Gauge(GrainsDiagnostics.PoolUtilization, "1", "Pool utilization.");

    public static LatestValues BorrowRate { get; } = Gauge(GrainsDiagnostics.PoolBorrowRate, "1", "Pool annual borrow rate.");

    public static LatestValues SupplyRate { get; } = Gauge(GrainsDiagnostics.PoolSupplyRate, "1", "Pool annual supply rate.");

    public static LatestValues OracleAge { get; } = Gauge(GrainsDiagnostics.OracleAge, "s", "Age of the aggregate price.");

    public static LatestValues BreakerOpen { get; } = Gauge(GrainsDiagnostics.OracleBreakerOpen, "1", "Oracle circuit breaker open (1) or closed (0).");

    public static LatestValues CapacityUsed { get; } = Gauge(GrainsDiagnostics.CoordinatorCapacityUsed, "{unit}", "Sale capacity in flight, in base units.");

    public static LatestValues CapacityFree { get; } = Gauge(GrainsDiagnostics.CoordinatorCapacityFree, "{unit}", "Sale capacity free, in base units.");

    /// <summary>A vault's revaluation: its health factor, if it has debt.</summary>
    public static void Revalued(string chain, double? healthFactor)
    {
        if (healthFactor is { } hf && double.IsFinite(hf))
        {
            HealthFactor.Record(hf, new TagList { { GrainsDiagnostics.ChainTag, chain } });
        }
    }

    /// <summary>A pool's numbers after a change.</summary>
    public static void Pool(string asset, PoolView view)
    {
        Utilization.Set(asset, (double)view.UtilizationRay / Ray);
        BorrowRate.Set(asset, (double)view.BorrowRateRay / Ray);
        SupplyRate.Set(asset, (double)view.LiquidityRateRay / Ray);
    }

    /// <summary>A pool deactivated on this silo.</summary>
    public static void PoolGone(string asset)
    {
        Utilization.Remove(asset);
        BorrowRate.Remove(asset);
        SupplyRate.Remove(asset);
    }

    /// <summary>An oracle's aggregate: its round's time (the gauge reports its age on <paramref name="clock"/>) and the breaker.</summary>
    public static void Oracle(string asset, DateTimeOffset? updatedAt, bool breakerOpen, TimeProvider clock)
    {
        if (updatedAt is { } at)
        {
            OracleAge.Set(asset, () => Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds));
        }

        BreakerOpen.Set(asset, breakerOpen ? 1 : 0);
    }

    /// <summary>An oracle deactivated on this silo.</summary>
    public static void OracleGone(string asset)
    {
        OracleAge.Remove(asset);
        BreakerOpen.Remove(asset);
    }

    /// <summary>A coordinator deactivated on this silo.</summary>
    public static void CoordinatorGone(string asset)
    {
        CapacityUsed.Remove(asset);
        CapacityFree.Remove(asset);
    }

    /// <summary>A coordinator's market after an allocation round.</summary>
    public static void Capacity(string asset, UInt128 capacity, UInt128 inFlight)
    {
        CapacityUsed.Set(asset, (double)inFlight);
        CapacityFree.Set(asset, capacity > inFlight ? (double)(capacity - inFlight) : 0);
    }

    /// <summary>An adaptive market's spillover gate held an allocation round.</summary>
    public static void SpilloverHeld(string asset) =>
        SpilloverRounds.Add(1, new TagList { { GrainsDiagnostics.AssetTag, asset } });

    /// <summary>A top-up gift of <paramref name="asset"/> ended: completed (the receiver has it) or given back.</summary>
    public static void TopUpEnded(string asset, bool completed) =>
        TopUps.Add(1, new TagList { { GrainsDiagnostics.AssetTag, asset }, { GrainsDiagnostics.TopUpOutcomeTag, completed ? "completed" : "given_back" } });

    /// <summary>A queued sale request was granted after waiting since <paramref name="requestedAt"/>.</summary>
    public static void Granted(DateTimeOffset requestedAt, DateTimeOffset now) =>
        QueueWait.Record(Math.Max(0, (now - requestedAt).TotalSeconds));

    /// <summary>A transfer's phase changed from <paramref name="from"/> (null: it was just quoted).</summary>
    public static void TransferPhase(TransferPhase? from, TransferPhase to, DateTimeOffset quotedAt, DateTimeOffset now)
    {
        if (from is null)
        {
            Started.Add(1);
        }

        if (from != to && to is Mesh.Transfers.TransferPhase.Settled or Mesh.Transfers.TransferPhase.Compensated or Mesh.Transfers.TransferPhase.Failed)
        {
            var tags = new TagList { { GrainsDiagnostics.TransferPhaseTag, to.ToString().ToLowerInvariant() } };
            Ended.Add(1, tags);
            Duration.Record(Math.Max(0, (now - quotedAt).TotalSeconds), tags);
        }
    }

    private static LatestValues Gauge(string name, string unit, string description)
    {
        var values = new LatestValues(GrainsDiagnostics.AssetTag);
        GrainsDiagnostics.Meter.CreateObservableGauge(name, values.Observe, unit, description);
        return values;
    }
}
