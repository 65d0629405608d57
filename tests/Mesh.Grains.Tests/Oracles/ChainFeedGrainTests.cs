using System.Collections.Concurrent;
using Mesh.Chains.Clients;
using Mesh.Chains.Feeds;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Storage;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>A single node reading chains.json's three WETH feeds every 200 ms through a scripted reader (the EVM reader is tested on Hardhat).</summary>
public sealed class ChainFeedFixture : ClusterFixture
{
    /// <summary>What each chain's feed answers next: a round, or a failure to throw.</summary>
    internal static readonly ConcurrentDictionary<string, Func<PriceFeedRound>> Answers = new(StringComparer.Ordinal);

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Oracles:ChainFeeds:Enabled"] = "true",
            ["Mesh:Oracles:ChainFeeds:PollInterval"] = "00:00:00.200",
        },
        SiloConfigurators = [typeof(Configurator)],
    };

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<IPriceFeedReader, ScriptedReader>();
    }

    private sealed class ScriptedReader : IPriceFeedReader
    {
        public Task<PriceFeedRound> ReadLatestAsync(string chain, string asset, CancellationToken cancellationToken = default) =>
            Answers.TryGetValue(chain, out var answer)
                ? Task.FromResult(answer())
                : throw new ChainClientException(chain, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable, $"Chain '{chain}' is down.");
    }
}

/// <summary>Each on-chain feed is one more oracle source: its rounds go through the oracle's aggregation, judged by their age on the chain's clock.</summary>
public sealed class ChainFeedGrainTests(ChainFeedFixture fixture) : IClassFixture<ChainFeedFixture>
{
    [Fact]
    public async Task Feeds_ThreeChainsAnswer_AreTheOraclesQuorumAndAFailingFeedSaysWhyWithoutMovingIt()
    {
        var chainAhead = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero); // a chain's clock far from the mesh's: only the round's age counts
        foreach (var (chain, price) in new[] { ("local-a", 2_500m), ("local-b", 2_501m), ("local-c", 2_502m) })
        {
            ChainFeedFixture.Answers[chain] = () => new PriceFeedRound(chain, "WETH", 7, price, chainAhead.AddSeconds(-3), chainAhead);
        }

        var weth = fixture.Client.GetGrain<IOracleGrain>("WETH");
        OracleSnapshot fed = null!;
        await Eventually.TrueAsync(async () => (fed = await weth.Snapshot()) is { Fresh: true, SourcesUsed: 3 }, "the three feeds make the WETH quorum", TimeSpan.FromSeconds(30));
        ChainFeedFixture.Answers["local-a"] = () => throw new ChainClientException("local-a", ChainErrorKind.InvalidResponse, PriceFeedErrorCodes.InvalidAnswer, "The WETH price feed on 'local-a' answered -1.");
        var feedA = fixture.Client.GetGrain<IChainFeedGrain>("local-a/WETH");
        ChainFeedStatus failing = null!;
        await Eventually.TrueAsync(async () => (failing = await feedA.Status()).Error is not null, "the failing feed reports its error", TimeSpan.FromSeconds(30));
        var after = await weth.Snapshot();
        var feedB = await fixture.Client.GetGrain<IChainFeedGrain>("local-b/WETH").Status();

        Assert.Equal(2_501m, fed.Price);
        Assert.Equal(fed.Price, after.Price);
        Assert.Equal("feed.invalid_answer: The WETH price feed on 'local-a' answered -1.", failing.Error);
        Assert.Equal((7UL, 2_500m), (failing.Round, failing.Price));
        Assert.Equal(new ChainFeedStatus("local-b", "WETH", "chain:local-b", true, 7, 2_501m, chainAhead.AddSeconds(-3), feedB.ReadAt, null), feedB);
        var unknown = await Assert.ThrowsAsync<Mesh.Errors.MeshException>(() => fixture.Client.GetGrain<IChainFeedGrain>("local-a/USDC").Start());
        Assert.Equal("oracle.unknown_feed", unknown.Code);
    }
}
