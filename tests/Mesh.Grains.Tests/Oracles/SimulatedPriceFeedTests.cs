using Mesh.Grains.Oracles;
using Microsoft.Extensions.Time.Testing;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>The simulated feed: deterministic, faults the aggregator must survive, crashes and external paths.</summary>
public sealed class SimulatedPriceFeedTests
{
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void Observe_SameSeedAndTimes_SameObservations()
    {
        var a = new SimulatedPriceFeed(Options(9), Start);
        var b = new SimulatedPriceFeed(Options(9), Start);
        var c = new SimulatedPriceFeed(Options(10), Start);

        var fromA = Enumerable.Range(1, 50).SelectMany(i => a.Observe(Start.AddSeconds(i))).ToList();
        var fromB = Enumerable.Range(1, 50).SelectMany(i => b.Observe(Start.AddSeconds(i))).ToList();
        var fromC = Enumerable.Range(1, 50).SelectMany(i => c.Observe(Start.AddSeconds(i))).ToList();

        Assert.Equal(fromA, fromB);
        Assert.NotEqual(fromA, fromC);
    }

    [Fact]
    public void Observe_SilentSource_GoesStaleInTheAggregate()
    {
        var feedOptions = Options(1);
        feedOptions.Sources[0].Fault = SimulatedSourceFault.Silent;
        feedOptions.Sources[0].FaultFrom = Start.AddMinutes(1);
        var feed = new SimulatedPriceFeed(feedOptions, Start);
        var sut = new OracleAggregator(OracleTestData.Options(3, minSources: 2), new OracleState());

        var snapshots = Run(feed, sut, 180);

        Assert.Equal(2, feed.Observe(Start.AddMinutes(4)).Count);
        Assert.All(snapshots, s => Assert.True(s.IsFresh));
        var last = snapshots[^1];
        Assert.Equal(["s1", "s2"], last.SourcesUsed);
        Assert.Equal(("s0", OracleRejectionReason.Stale), (last.Rejected.Single().Source, last.Rejected.Single().Reason));
    }

    [Fact]
    public void Observe_ManipulatedSource_RejectedAndAggregateTracksTheTruth()
    {
        var feedOptions = Options(1);
        feedOptions.Sources.Add(new SimulatedSourceOptions { Name = "s3" });
        feedOptions.Sources.Add(new SimulatedSourceOptions { Name = "s4" });
        feedOptions.Sources[1].Fault = SimulatedSourceFault.Manipulated;
        feedOptions.Sources[1].ManipulationFactor = 1.3;
        var feed = new SimulatedPriceFeed(feedOptions, Start);
        var sut = new OracleAggregator(OracleTestData.Options(5), new OracleState());

        var snapshots = Run(feed, sut, 120);

        Assert.All(snapshots, s =>
        {
            Assert.True(s.IsFresh);
            Assert.Equal("s1", s.Rejected.Single().Source);
            Assert.False(s.Breaker.IsOpen);
        });
        Assert.Equal(feed.TruePrice, snapshots[^1].Price!.Value.ToDouble(), feed.TruePrice * 0.002);
    }

    [Fact]
    public void Observe_FrozenSource_RejectedOnceTheMarketMovesAway()
    {
        var feedOptions = Options(1);
        feedOptions.AnnualVolatility = 0;
        feedOptions.Sources[2].Fault = SimulatedSourceFault.Frozen;
        feedOptions.Sources[2].FaultFrom = Start.AddSeconds(10);
        var feed = new SimulatedPriceFeed(feedOptions, Start);
        var sut = new OracleAggregator(OracleTestData.Options(3, minSources: 2), new OracleState());
        Run(feed, sut, 20);

        feed.SetTruePrice(2100, _clock.GetUtcNow());
        var snapshot = Run(feed, sut, 1)[0];

        Assert.Equal("s2", snapshot.Rejected.Single().Source);
        Assert.Equal(2100, snapshot.Price!.Value.ToDouble(), 2100 * 0.002);
    }

    [Fact]
    public void Advance_ScheduledCrash_TruePriceFallsByTheDepth()
    {
        var feedOptions = Options(1);
        feedOptions.AnnualVolatility = 0;
        var feed = new SimulatedPriceFeed(feedOptions, Start);
        feed.ScheduleCrash(Start.AddMinutes(10), TimeSpan.FromMinutes(20), 0.48);

        var halfway = feed.Advance(Start.AddMinutes(20));
        var after = feed.Advance(Start.AddHours(1));

        Assert.Equal(2000 * Math.Sqrt(0.52), halfway, 1e-9);
        Assert.Equal(2000 * 0.52, after, 1e-9);
    }

    [Fact]
    public void Observe_ExternalPath_ObservationsFollowIt()
    {
        var feedOptions = Options(1);
        feedOptions.AnnualVolatility = 0;
        foreach (var source in feedOptions.Sources)
        {
            source.Noise = 0;
        }

        var feed = new SimulatedPriceFeed(feedOptions, Start);
        _clock.Advance(TimeSpan.FromSeconds(3));
        feed.SetTruePrice(1234.5, _clock.GetUtcNow());

        var observations = feed.Observe(_clock);

        Assert.All(observations, o => Assert.Equal(OraclePrice.FromDecimal(1234.5m, 8), o.Price));
        Assert.All(observations, o => Assert.Equal(_clock.GetUtcNow(), o.ObservedAt));
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.SetTruePrice(1000, Start));
    }

    private static SimulatedPriceFeedOptions Options(ulong seed) => new()
    {
        Seed = seed,
        Sources = [new SimulatedSourceOptions { Name = "s0" }, new SimulatedSourceOptions { Name = "s1" }, new SimulatedSourceOptions { Name = "s2" }],
    };

    private List<OracleSnapshot> Run(SimulatedPriceFeed feed, OracleAggregator sut, int seconds)
    {
        var snapshots = new List<OracleSnapshot>();
        for (var i = 0; i < seconds; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var now = _clock.GetUtcNow();
            foreach (var observation in feed.Observe(_clock))
            {
                sut.Observe(observation, now);
            }

            snapshots.Add(sut.Aggregate(now));
        }

        return snapshots;
    }
}
