using System.Net;
using System.Net.Sockets;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Feeds;
using Mesh.Chains.Evm.Tests.Fixtures;
using Mesh.Chains.Feeds;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;

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

    [Fact]
    public async Task ReadLatestAsync_GivenTheChainClients_CallsNoEndpointWhoseCircuitTheClientOpened()
    {
        var chain = chains.C;
        var feed = chain.Deployed.PriceFeeds.Single();
        await chain.Deployer.PublishPriceAsync(feed.Address, 3_000_00000000);
        using var refusing = new RefusingEndpoint();
        var definition = chain.Definition with { RpcUrls = [refusing.Url, chain.Node.Url], PriceFeeds = [new PriceFeedDefinition("WETH", feed.Address, 8, TimeSpan.FromHours(1))] };
        using var clients = new EvmChainClientProvider([chains.Client(chain, chains.Options(), definition)]);
        var client = (EvmChainClient)clients.GetClient(definition.Name);
        while (client.Endpoints[0].CircuitState != CircuitState.Open)
        {
            await client.GetHeadAsync();
        }

        var refused = refusing.Connections;
        var configuration = new ChainsConfiguration { Version = 1, Chains = [definition], Routes = [] };
        var options = chains.Options();
        using var sut = (EvmPriceFeedReader)EvmChains.CreatePriceFeedReader(configuration, options, clients: clients);

        var rounds = new List<PriceFeedRound>();
        for (var i = 0; i < 5; i++)
        {
            rounds.Add(await sut.ReadLatestAsync(definition.Name, "WETH"));
        }

        Assert.All(rounds, r => Assert.Equal(3_000m, r.Price));
        Assert.True(refused >= options.CircuitMinimumThroughput, $"the client dialled the refusing endpoint {refused} times before its circuit opened");
        Assert.Equal(refused, refusing.Connections);
    }

    private EvmPriceFeedReader Reader(LocalChain chain, PriceFeedDefinition feed)
    {
        var definition = chain.Definition with { PriceFeeds = [feed] };
        var configuration = new ChainsConfiguration { Version = 1, Chains = [definition], Routes = [] };
        return new EvmPriceFeedReader(configuration, chains.Options(), TimeProvider.System, NullLogger.Instance);
    }

    /// <summary>A loopback port that accepts every connection and closes it at once, counting them.</summary>
    private sealed class RefusingEndpoint : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _connections;

        public RefusingEndpoint()
        {
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _ = Task.Run(AcceptAsync);
        }

        public Uri Url { get; }

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose() => _listener.Stop();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var socket = await _listener.AcceptSocketAsync();
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The listener stopped: how accepting ends.
            }
        }
    }
}
