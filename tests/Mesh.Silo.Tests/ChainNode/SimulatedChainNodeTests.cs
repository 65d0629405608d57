using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Testing;
using Mesh.Testing.ChainNode;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Silo.Tests.ChainNode;

/// <summary>
/// The chain node and its remote client, as two silos of a cluster use them: what a client reads over HTTP is what the
/// chain holds, field for field; a second client sees the first one's transactions; the chain's failures come back as
/// the same <see cref="ChainClientException"/>; a node that cannot be reached is a transient failure.
/// </summary>
public sealed class SimulatedChainNodeTests : IAsyncLifetime
{
    private const string Chain = "local-a";
    private const string Account = "0x00000000000000000000000000000000000000f1";
    private static readonly UInt128 Amount = 7_000_000;
    private readonly ChainsConfiguration _configuration = ChainsConfigurationLoader.Load(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"));
    private readonly List<IDisposable> _clients = [];
    private SimulatedChainNode _node = null!;

    public async Task InitializeAsync() => _node = await SimulatedChainNode.StartAsync(_configuration);

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _node.DisposeAsync();
    }

    /// <summary>The node's chains as one silo's clients see them.</summary>
    private ISimulatedChainProvider Clients(Uri? node = null)
    {
        var clients = ChainNodeServiceCollectionExtensions.CreateChainNodeClients(node ?? _node.BaseAddress, _configuration, TimeSpan.FromSeconds(5));
        _clients.Add((IDisposable)clients);
        return clients;
    }

    [Fact]
    public async Task SubmitAsync_DepositThroughOneClient_EveryClientAndTheChainSeeTheSameFinalTransaction()
    {
        var sut = Clients().GetSimulated(Chain);
        var other = Clients().GetClient(Chain);
        var chain = _node.Chain(Chain);
        var operation = new ChainOperation(OperationId.FromName("node-test/deposit"), OperationKind.Deposit, "node-test", Account, "USDC", Amount);

        sut.Fund(Account, "USDC", Amount);
        var submitted = await sut.SubmitAsync(operation);
        var resubmitted = await other.SubmitAsync(operation);
        await Eventually.TrueAsync(async () => (await other.GetOperationAsync(operation.Id)).State == OperationState.Final, "the deposit is final", TimeSpan.FromSeconds(15));
        var status = await other.GetOperationAsync(operation.Id);
        var head = await chain.GetHeadAsync();

        Assert.False(submitted.AlreadyKnown);
        Assert.True(resubmitted.AlreadyKnown);
        Assert.Equal(submitted.TransactionHash, resubmitted.TransactionHash);
        Assert.Equal(await chain.GetOperationAsync(operation.Id), status);
        Assert.Equal(Amount, status.Movement!.Amount);
        Assert.Equal(await chain.GetMovementsAsync(0, head.Number), await sut.GetMovementsAsync(0, head.Number));
        Assert.Equal(await chain.GetBlockAsync(status.BlockNumber!.Value), await sut.GetBlockAsync(status.BlockNumber.Value));
        Assert.Null(await sut.GetBlockAsync(head.Number + 1_000));
        Assert.Equal(Amount, await other.GetVaultBalanceAsync("USDC", "node-test"));
        Assert.Equal(UInt128.Zero, await other.GetBalanceAsync("USDC", Account));
        Assert.Equal((chain.GetTotalSupply("USDC"), chain.GetMinted("USDC")), (sut.GetTotalSupply("USDC"), sut.GetMinted("USDC")));
    }

    [Fact]
    public async Task SubmitAsync_ChainRejects_SameExceptionAsTheChain()
    {
        var sut = Clients().GetClient(Chain);
        var operation = new ChainOperation(OperationId.FromName("node-test/bad"), OperationKind.Deposit, "node-test", Account, "DOGE", Amount);

        var remote = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(operation));
        var local = await Assert.ThrowsAsync<ChainClientException>(() => _node.Chain(Chain).SubmitAsync(operation));

        Assert.Equal((local.ChainName, local.Kind, local.Code, local.Message), (remote.ChainName, remote.Kind, remote.Code, remote.Message));
        Assert.False(remote.IsTransient);
    }

    [Fact]
    public async Task SubmitAsync_AnswerLost_TransientTimeoutAndTheOperationTookEffect()
    {
        var sut = Clients().GetSimulated(Chain);
        var operation = new ChainOperation(OperationId.FromName("node-test/lost"), OperationKind.Deposit, "node-test-2", Account, "WETH", Amount);
        sut.Fund(Account, "WETH", Amount);
        sut.FailNextCalls(1, ChainErrorKind.Timeout);

        var lost = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(operation));
        var retry = await sut.SubmitAsync(operation);

        Assert.Equal((ChainErrorKind.Timeout, ChainErrorCodes.Timeout, true), (lost.Kind, lost.Code, lost.IsTransient));
        Assert.True(retry.AlreadyKnown);
    }

    [Fact]
    public async Task GetHeadAsync_NodeUnreachable_TransientUnavailable()
    {
        var nowhere = new Uri($"http://127.0.0.1:{TestPorts.Next()}/");
        var sut = Clients(nowhere).GetClient(Chain);

        var failure = await Assert.ThrowsAsync<ChainClientException>(() => sut.GetHeadAsync());

        Assert.Equal((Chain, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable, true), (failure.ChainName, failure.Kind, failure.Code, failure.IsTransient));
    }

    [Fact]
    public async Task UseChainNode_AfterSimulatedChains_EveryChainSeamIsTheNode()
    {
        var services = new ServiceCollection().AddSingleton(_configuration).AddSimulatedChains(_configuration).UseChainNode(_node.BaseAddress);
        using var provider = services.BuildServiceProvider();

        var sut = provider.GetRequiredService<IChainClientProvider>();
        provider.GetRequiredKeyedService<ISimulatedChain>(Chain).Fund(Account, "USDC", Amount);

        Assert.Same(provider.GetRequiredService<ISimulatedChainProvider>(), sut);
        Assert.Same(sut.GetClient(Chain), provider.GetRequiredKeyedService<IChainClient>(Chain));
        Assert.Equal(Amount, await _node.Chain(Chain).GetBalanceAsync("USDC", Account));
    }
}
