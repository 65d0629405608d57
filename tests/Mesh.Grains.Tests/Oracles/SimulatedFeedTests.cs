using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Storage;
using Mesh.Testing;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>A single node whose simulated feed runs every 200 ms: the oracles get live prices with no feeder at all.</summary>
public sealed class SimulatedFeedFixture : ClusterFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Oracles:SimulatedFeed:Enabled"] = "true",
            ["Mesh:Oracles:SimulatedFeed:Interval"] = "00:00:00.200",
            ["Mesh:Oracles:SimulatedFeed:Volatility:WETH"] = "2.0",
        },
    };
}

/// <summary>The simulated feed is a real source: its observations go through the oracle's aggregation like a feeder's.</summary>
public sealed class SimulatedFeedTests(SimulatedFeedFixture fixture) : IClassFixture<SimulatedFeedFixture>
{
    [Fact]
    public async Task Feed_Enabled_GivesEveryOracleAFreshMovingPriceFromThreeSimulatedSources()
    {
        var weth = fixture.Client.GetGrain<IOracleGrain>("WETH");
        OracleSnapshot first = null!;
        await Eventually.TrueAsync(async () => (first = await weth.Snapshot()) is { Price: not null, Fresh: true, SourcesUsed: 3 }, "the WETH oracle is fed", TimeSpan.FromSeconds(30));
        OracleSnapshot later = first;
        await Eventually.TrueAsync(async () => (later = await weth.Snapshot()).Round >= first.Round + 3 && later.Price != first.Price, "the price moves round after round", TimeSpan.FromSeconds(30));
        var usdc = await fixture.Client.GetGrain<IOracleGrain>("USDC").Snapshot();

        Assert.InRange((double)first.Price!.Value, 1_500, 2_600); // starts at 2000; a few ticks of a 200%-vol path stay near it
        Assert.NotEqual(first.Price, later.Price);
        Assert.DoesNotContain(later.Rejected, r => r.Source.StartsWith("sim-", StringComparison.Ordinal)); // the idle feed-1..3 may show as stale
        Assert.True(await fixture.Client.GetGrain<ISimulatedFeedGrain>("WETH").Start(), "starting again is harmless");
        Assert.InRange((double)(usdc.Price ?? 0m), 0.99, 1.01);
    }
}
