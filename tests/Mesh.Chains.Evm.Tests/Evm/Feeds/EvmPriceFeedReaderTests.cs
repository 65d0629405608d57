using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Feeds;
using Mesh.Chains.Evm.Tests.Fixtures;
using Mesh.Chains.Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm.Tests.Evm.Feeds;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmPriceFeedReaderTests(LocalChains chains)
{
    [Fact]
    public async Task ReadLatestAsync_PublishedAnswer_IsScaledByDecimalsWithItsRound()
    {
        var chain = chains.C;
        var feed = chain.Deployed.PriceFeeds.Single();
        await chain.Deployer.PublishPriceAsync(feed.Address, 2_987_65432100);
        using var sut = Reader(chain, new PriceFeedDefinition("WETH", feed.Address, 8, TimeSpan.FromHours(1)));

        var round = await sut.ReadLatestAsync(chain.Definition.Name, "WETH");
        await chain.Deployer.PublishPriceAsync(feed.Address, 2_990_00000000);
        var next = await sut.ReadLatestAsync(chain.Definition.Name, "WETH");

        Assert.Equal(2_987.654321m, round.Price);
        Assert.Equal((chain.Definition.Name, "WETH"), (round.Chain, round.Asset));
        Assert.InRange(round.Age, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(round.RoundId + 1, next.RoundId);
        Assert.Equal(2_990m, next.Price);
    }

    [Fact]
    public async Task ReadLatestAsync_DecimalsDifferFromChainsJson_NamesBoth()
    {
        var chain = chains.C;
        var feed = chain.Deployed.PriceFeeds.Single();
        using var sut = Reader(chain, new PriceFeedDefinition("WETH", feed.Address, 18, TimeSpan.FromHours(1)));

        var ex = await Assert.ThrowsAsync<ChainClientException>(() => sut.ReadLatestAsync(chain.Definition.Name, "WETH"));

        Assert.Equal(PriceFeedErrorCodes.DecimalsMismatch, ex.Code);
        Assert.Contains("answers with 8 decimals; chains.json says 18", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadLatestAsync_FeedWithoutRounds_IsNoData()
    {
        var chain = chains.C;
        var empty = await chain.Deployer.DeployPriceFeedAsync(new PriceFeedSpec("ETH / USD", 8));
        using var sut = Reader(chain, new PriceFeedDefinition("WETH", empty.Address, 8, TimeSpan.FromHours(1)));

        var ex = await Assert.ThrowsAsync<ChainClientException>(() => sut.ReadLatestAsync(chain.Definition.Name, "WETH"));

        Assert.Equal(PriceFeedErrorCodes.NoData, ex.Code);
        Assert.Contains(empty.Address, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadLatestAsync_NoContractAtTheAddress_SaysSo()
    {
        var chain = chains.C;
        using var sut = Reader(chain, new PriceFeedDefinition("WETH", "0x00000000000000000000000000000000000fee01", 8, TimeSpan.FromHours(1)));

        var ex = await Assert.ThrowsAsync<ChainClientException>(() => sut.ReadLatestAsync(chain.Definition.Name, "WETH"));

        Assert.Equal(PriceFeedErrorCodes.InvalidAnswer, ex.Code);
        Assert.Contains("with 0 bytes, not 1 words (is a feed deployed there?)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadLatestAsync_AssetWithoutFeed_IsUnknownFeed()
    {
        var chain = chains.C;
        using var sut = Reader(chain, new PriceFeedDefinition("WETH", chain.Deployed.PriceFeeds.Single().Address, 8, TimeSpan.FromHours(1)));

        var ex = await Assert.ThrowsAsync<ChainClientException>(() => sut.ReadLatestAsync(chain.Definition.Name, "USDC"));

        Assert.Equal(PriceFeedErrorCodes.UnknownFeed, ex.Code);
    }

    private EvmPriceFeedReader Reader(LocalChain chain, PriceFeedDefinition feed)
    {
        var definition = chain.Definition with { PriceFeeds = [feed] };
        var configuration = new ChainsConfiguration { Version = 1, Chains = [definition], Routes = [] };
        return new EvmPriceFeedReader(configuration, chains.Options(), TimeProvider.System, NullLogger.Instance);
    }
}
