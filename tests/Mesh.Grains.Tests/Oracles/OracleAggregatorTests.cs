using Mesh.Grains.Oracles;
using Microsoft.Extensions.Time.Testing;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Aggregation: median, staleness per heartbeat, outliers, quorum and rounds.</summary>
public sealed class OracleAggregatorTests
{
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void Aggregate_OddCount_MiddlePrice()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());

        var snapshot = Feed(sut, _clock.GetUtcNow(), 2001m, 1999m, 2000.5m);

        Assert.Equal(OracleFeedStatus.Fresh, snapshot.Status);
        Assert.Equal(Price(2000.5m), snapshot.Price);
        Assert.Equal(["s0", "s1", "s2"], snapshot.SourcesUsed);
        Assert.Empty(snapshot.Rejected);
        Assert.True(snapshot.AllowsNewCredit);
    }

    [Fact]
    public void Aggregate_EvenCount_MeanOfTheTwoMiddlePrices()
    {
        var sut = new OracleAggregator(Options(4), new OracleState());

        var snapshot = Feed(sut, _clock.GetUtcNow(), 100m, 101m, 102m, 103m);

        Assert.Equal(Price(101.5m), snapshot.Price);
    }

    [Fact]
    public void Aggregate_SourcePastItsHeartbeat_LeftOutAsStale()
    {
        var options = Options(3, minSources: 2);
        options.Sources[2].Heartbeat = TimeSpan.FromMinutes(10);
        var sut = new OracleAggregator(options, new OracleState());
        Feed(sut, _clock.GetUtcNow(), 100m, 100m, 100m);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Feed(sut, _clock.GetUtcNow(), 100.1m);
        var atHeartbeat = sut.Aggregate(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromTicks(1));
        var pastHeartbeat = sut.Aggregate(_clock.GetUtcNow());

        Assert.Equal(["s0", "s1", "s2"], atHeartbeat.SourcesUsed);
        Assert.Equal(["s0", "s2"], pastHeartbeat.SourcesUsed);
        var stale = Assert.Single(pastHeartbeat.Rejected);
        Assert.Equal(("s1", OracleRejectionReason.Stale), (stale.Source, stale.Reason));
        Assert.Equal(Price(100.05m), pastHeartbeat.Price);
    }

    [Fact]
    public void Aggregate_TooFewFreshSources_NoQuorumKeepsTheLastPrice()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());
        var fresh = Feed(sut, _clock.GetUtcNow(), 100m, 100m, 100m);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Feed(sut, _clock.GetUtcNow(), 120m, 120m);

        _clock.Advance(TimeSpan.FromSeconds(31));
        var stale = sut.Aggregate(_clock.GetUtcNow());

        Assert.Equal(OracleFeedStatus.NoQuorum, stale.Status);
        Assert.False(stale.AllowsNewCredit);
        Assert.Equal(Price(100m), stale.Price);
        Assert.Equal(fresh.RoundId, stale.RoundId);
        Assert.Equal(fresh.UpdatedAt, stale.UpdatedAt);
        Assert.Empty(stale.SourcesUsed);
        Assert.Equal("s2", Assert.Single(stale.Rejected).Source);
    }

    [Fact]
    public void Aggregate_QuorumRestored_FreshWithANewRound()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());
        var before = Feed(sut, _clock.GetUtcNow(), 100m, 100m, 100m);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(sut.Aggregate(_clock.GetUtcNow()).IsFresh);

        var after = Feed(sut, _clock.GetUtcNow(), 99m, 99m, 99m);

        Assert.True(after.IsFresh);
        Assert.Equal(Price(99m), after.Price);
        Assert.Equal(before.RoundId + 1, after.RoundId);
    }

    [Fact]
    public void Aggregate_NoObservationEver_NoQuorumWithoutPrice()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());

        var snapshot = sut.Aggregate(_clock.GetUtcNow());

        Assert.Equal(OracleFeedStatus.NoQuorum, snapshot.Status);
        Assert.Null(snapshot.Price);
        Assert.Equal(0, snapshot.RoundId);
        Assert.All(snapshot.Rejected, r => Assert.Equal(OracleRejectionReason.Stale, r.Reason));
        Assert.Equal(3, snapshot.Rejected.Count);
    }

    [Fact]
    public void Aggregate_ManipulatedSource_RejectedAndAggregateUnmoved()
    {
        var sut = new OracleAggregator(Options(5), new OracleState());

        var snapshot = Feed(sut, _clock.GetUtcNow(), 100m, 100.1m, 99.9m, 100.05m, 150m);

        Assert.True(snapshot.IsFresh);
        Assert.Equal(Price(100.025m), snapshot.Price);
        var outlier = Assert.Single(snapshot.Rejected);
        Assert.Equal(("s4", OracleRejectionReason.Outlier), (outlier.Source, outlier.Reason));
    }

    [Fact]
    public void Aggregate_OutlierLeavesTooFew_NoQuorum()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());

        var snapshot = Feed(sut, _clock.GetUtcNow(), 100m, 100m, 150m);

        Assert.Equal(OracleFeedStatus.NoQuorum, snapshot.Status);
        Assert.Equal(OracleRejectionReason.Outlier, Assert.Single(snapshot.Rejected).Reason);
    }

    [Fact]
    public void Aggregate_NothingNew_SameRound()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());
        var first = Feed(sut, _clock.GetUtcNow(), 100m, 100m, 100m);

        _clock.Advance(TimeSpan.FromSeconds(10));
        var second = sut.Aggregate(_clock.GetUtcNow());

        Assert.Equal(first.RoundId, second.RoundId);
        Assert.Equal(first.UpdatedAt, second.UpdatedAt);
        Assert.Equal(_clock.GetUtcNow(), second.AsOf);
    }

    [Fact]
    public void Aggregate_NewObservations_RoundIdIncreasesAndUpdatedAtMoves()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());
        var rounds = new List<OracleSnapshot>();
        for (var i = 0; i < 5; i++)
        {
            rounds.Add(Feed(sut, _clock.GetUtcNow(), 100m, 100m + (0.1m * i), 100m));
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal([1L, 2, 3, 4, 5], rounds.Select(r => r.RoundId));
        Assert.Equal(rounds.Select((_, i) => (DateTimeOffset?)Start.AddSeconds(5 * i)), rounds.Select(r => r.UpdatedAt));
    }

    [Fact]
    public void Aggregate_ClockBehindAnEarlierCall_TreatedAsTheLatestTime()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());
        Feed(sut, _clock.GetUtcNow(), 100m, 100m, 100m);
        sut.Aggregate(_clock.GetUtcNow().AddMinutes(5));

        var snapshot = sut.Aggregate(_clock.GetUtcNow());

        Assert.Equal(Start.AddMinutes(5), snapshot.AsOf);
        Assert.False(snapshot.IsFresh);
    }

    [Fact]
    public void Constructor_StateWithOtherDecimals_Throws()
    {
        var state = new OracleState();
        Feed(new OracleAggregator(Options(3), state), Start, 1m, 1m, 1m);
        var options = Options(3);
        options.Decimals = 6;

        Assert.Throws<InvalidOperationException>(() => new OracleAggregator(options, state));
    }
}
