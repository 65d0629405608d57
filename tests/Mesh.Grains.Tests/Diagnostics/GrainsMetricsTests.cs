using Mesh.Grains.Diagnostics;
using Mesh.Grains.Pools;
using Mesh.Transfers;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Diagnostics;

/// <summary>The mesh's metrics as an exporter sees them: names, units, tags and values.</summary>
public sealed class GrainsMetricsTests
{
    private const double Ray = 1e27;

    [Fact]
    public void Revalued_WithAndWithoutDebt_RecordsOnlyRealHealthFactorsTaggedWithTheChain()
    {
        var chain = $"chain-{Guid.NewGuid():N}";
        using var sut = new MetricCapture();

        GrainsMetrics.Revalued(chain, 1.25);
        GrainsMetrics.Revalued(chain, null);
        GrainsMetrics.Revalued(chain, double.PositiveInfinity);

        Assert.Equal([1.25], sut.Values(GrainsDiagnostics.VaultHealthFactor, GrainsDiagnostics.ChainTag, chain));
        Assert.All(sut.Measurements.Where(m => m.Name == GrainsDiagnostics.VaultHealthFactor), m => Assert.Equal("1", m.Unit));
    }

    [Fact]
    public void Pool_AfterTwoChanges_GaugesReportTheLatestRatesAsFractions()
    {
        var asset = $"A{Guid.NewGuid():N}";
        using var sut = new MetricCapture();

        GrainsMetrics.Pool(asset, View(utilization: 0.5, borrow: 0.04, supply: 0.018));
        GrainsMetrics.Pool(asset, View(utilization: 0.8, borrow: 0.09, supply: 0.065));
        sut.Collect();

        Assert.Equal(0.8, Assert.Single(sut.Values(GrainsDiagnostics.PoolUtilization, GrainsDiagnostics.AssetTag, asset)), 1e-12);
        Assert.Equal(0.09, Assert.Single(sut.Values(GrainsDiagnostics.PoolBorrowRate, GrainsDiagnostics.AssetTag, asset)), 1e-12);
        Assert.Equal(0.065, Assert.Single(sut.Values(GrainsDiagnostics.PoolSupplyRate, GrainsDiagnostics.AssetTag, asset)), 1e-12);
    }

    [Fact]
    public void PoolGone_AfterDeactivation_GaugesStopReportingTheAsset()
    {
        var asset = $"A{Guid.NewGuid():N}";
        using var sut = new MetricCapture();
        GrainsMetrics.Pool(asset, View(utilization: 0.5, borrow: 0.04, supply: 0.018));

        GrainsMetrics.PoolGone(asset);
        sut.Collect();

        Assert.Empty(sut.Values(GrainsDiagnostics.PoolUtilization, GrainsDiagnostics.AssetTag, asset));
        Assert.Empty(sut.Values(GrainsDiagnostics.PoolBorrowRate, GrainsDiagnostics.AssetTag, asset));
    }

    [Fact]
    public void Oracle_ClockMovesOn_AgeGrowsAndBreakerReportsOpen()
    {
        var asset = $"A{Guid.NewGuid():N}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var sut = new MetricCapture();

        GrainsMetrics.Oracle(asset, clock.GetUtcNow() - TimeSpan.FromSeconds(3), breakerOpen: true, clock);
        sut.Collect();
        clock.Advance(TimeSpan.FromSeconds(10));
        sut.Collect();

        Assert.Equal([3, 13], sut.Values(GrainsDiagnostics.OracleAge, GrainsDiagnostics.AssetTag, asset));
        Assert.Equal([1, 1], sut.Values(GrainsDiagnostics.OracleBreakerOpen, GrainsDiagnostics.AssetTag, asset));

        GrainsMetrics.Oracle(asset, clock.GetUtcNow(), breakerOpen: false, clock);
        sut.Collect();

        Assert.Equal(0, sut.Values(GrainsDiagnostics.OracleBreakerOpen, GrainsDiagnostics.AssetTag, asset)[^1]);
        Assert.Equal(0, sut.Values(GrainsDiagnostics.OracleAge, GrainsDiagnostics.AssetTag, asset)[^1]);
    }

    [Fact]
    public void Capacity_InFlightAboveCapacity_FreeIsZeroNotNegative()
    {
        var asset = $"A{Guid.NewGuid():N}";
        using var sut = new MetricCapture();

        GrainsMetrics.Capacity(asset, capacity: 1_000, inFlight: 400);
        sut.Collect();
        GrainsMetrics.Capacity(asset, capacity: 300, inFlight: 400);
        sut.Collect();

        Assert.Equal([400, 400], sut.Values(GrainsDiagnostics.CoordinatorCapacityUsed, GrainsDiagnostics.AssetTag, asset));
        Assert.Equal([600, 0], sut.Values(GrainsDiagnostics.CoordinatorCapacityFree, GrainsDiagnostics.AssetTag, asset));
    }

    [Fact]
    public void SpilloverHeld_TwoRounds_CountsTwoTaggedWithTheAsset()
    {
        var asset = $"A{Guid.NewGuid():N}";
        using var sut = new MetricCapture();

        GrainsMetrics.SpilloverHeld(asset);
        GrainsMetrics.SpilloverHeld(asset);
        sut.Collect();

        Assert.Equal([1, 1], sut.Values(GrainsDiagnostics.CoordinatorSpilloverHeld, GrainsDiagnostics.AssetTag, asset));
    }

    [Fact]
    public void TransferPhase_QuotedThenSettled_CountsOneStartAndOneSettledWithItsDuration()
    {
        var quoted = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        using var sut = new MetricCapture();

        GrainsMetrics.TransferPhase(null, TransferPhase.Quoted, quoted, quoted);
        GrainsMetrics.TransferPhase(TransferPhase.Quoted, TransferPhase.Reserved, quoted, quoted.AddSeconds(1));
        GrainsMetrics.TransferPhase(TransferPhase.Released, TransferPhase.Settled, quoted, quoted.AddSeconds(42));

        Assert.Contains(sut.Measurements, m => m.Name == GrainsDiagnostics.TransfersStarted && m.Value == 1);
        Assert.Contains(1, sut.Values(GrainsDiagnostics.TransfersEnded, GrainsDiagnostics.TransferPhaseTag, "settled"));
        Assert.Contains(42, sut.Values(GrainsDiagnostics.TransferDuration, GrainsDiagnostics.TransferPhaseTag, "settled"));
        Assert.Empty(sut.Values(GrainsDiagnostics.TransfersEnded, GrainsDiagnostics.TransferPhaseTag, "reserved"));
    }

    [Fact]
    public void Granted_AfterWaiting_RecordsTheWaitInSeconds()
    {
        var requested = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        using var sut = new MetricCapture();

        GrainsMetrics.Granted(requested, requested.AddSeconds(7.5));

        Assert.Contains(sut.Measurements, m => m.Name == GrainsDiagnostics.CoordinatorQueueWait && m.Value == 7.5 && m.Unit == "s");
    }

    private static PoolView View(double utilization, double borrow, double supply) =>
        new(0, 0, 0, 0, 0, ToRay(utilization), ToRay(borrow), ToRay(supply), ToRay(1));

    private static UInt128 ToRay(double value) => (UInt128)(decimal)(value * 1e9) * (UInt128)1_000_000_000_000_000_000UL;

    [Fact]
    public void TopUpEnded_CompletedAndGivenBack_CountsEachGiftTaggedWithItsAssetAndOutcome()
    {
        var asset = $"A{Guid.NewGuid():N}";
        using var sut = new MetricCapture();

        GrainsMetrics.TopUpEnded(asset, completed: true);
        GrainsMetrics.TopUpEnded(asset, completed: true);
        GrainsMetrics.TopUpEnded(asset, completed: false);

        var ours = sut.Measurements.Where(m => m.Name == GrainsDiagnostics.TopUpsEnded && Equals(m.Tags.GetValueOrDefault(GrainsDiagnostics.AssetTag), asset)).ToList();
        Assert.Equal(2, ours.Count(m => Equals(m.Tags[GrainsDiagnostics.TopUpOutcomeTag], "completed")));
        Assert.Equal(1, ours.Count(m => Equals(m.Tags[GrainsDiagnostics.TopUpOutcomeTag], "given_back")));
        Assert.All(ours, m => Assert.Equal(("{gift}", 1.0), (m.Unit, m.Value)));
    }
}
