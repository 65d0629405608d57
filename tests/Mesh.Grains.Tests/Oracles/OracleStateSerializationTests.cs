using System.Text.Json;
using Mesh.Grains.Oracles;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>The state the grain persists: plain JSON without type names, and it resumes where it stopped.</summary>
public sealed class OracleStateSerializationTests
{
    [Fact]
    public void Serialize_StateAfterADayOfUpdates_RoundTripsAndResumesIdentically()
    {
        var options = Options(3, minSources: 2);
        options.MinReturnsForGarch = 60;
        var state = new OracleState();
        var sut = new OracleAggregator(options, state);
        var feed = new SimulatedPriceFeed(SimulatedFeed(), Start);
        var now = Start;
        for (var i = 0; i < 180; i++)
        {
            now = Start.AddMinutes(i);
            Observe(sut, feed, now);
        }

        feed.ScheduleCrash(now, TimeSpan.FromMinutes(2), 0.3);
        now = now.AddMinutes(2);
        Observe(sut, feed, now);

        var json = JsonSerializer.Serialize(state);
        var copy = JsonSerializer.Deserialize<OracleState>(json)!;
        var copyJson = JsonSerializer.Serialize(copy);
        var resumed = new OracleAggregator(options, copy);
        var expected = sut.Aggregate(now.AddSeconds(30));
        var actual = resumed.Aggregate(now.AddSeconds(30));

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.NotNull(state.Volatility.LastFitAttemptAt);
        Assert.True(state.Breaker.IsOpen);
        Assert.Equal(json, copyJson);
        Assert.Equivalent(expected, actual, strict: true);
        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(copy));
    }

    private static void Observe(OracleAggregator sut, SimulatedPriceFeed feed, DateTimeOffset now)
    {
        foreach (var observation in feed.Observe(now))
        {
            sut.Observe(observation, now);
        }

        sut.Aggregate(now);
    }

    private static SimulatedPriceFeedOptions SimulatedFeed() => new()
    {
        Seed = 5,
        Sources = [new SimulatedSourceOptions { Name = "s0" }, new SimulatedSourceOptions { Name = "s1" }, new SimulatedSourceOptions { Name = "s2", Fault = SimulatedSourceFault.Manipulated }],
    };
}
