using System.Net;
using System.Net.Sockets;
using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Tests.Fixtures;
using Polly.CircuitBreaker;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientFailoverTests(LocalChains chains)
{
    private readonly LocalChain _chain = chains.A;

    [Fact]
    public async Task SubmitAsync_FirstEndpointDead_OpensItsCircuitAndSettlesEveryOperationOnceThroughFallback()
    {
        var dead = new Uri($"http://127.0.0.1:{DeadPort()}");
        var definition = _chain.Definition with { RpcUrls = [dead, _chain.Node.Url] };
        using var sut = chains.Client(_chain, chains.Options(), definition);
        var account = EvmDevelopmentKeys.HardhatAccount(8);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 6_000);
        var operations = Enumerable.Range(0, 6).Select(_ => Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 1_000)).ToList();

        var first = await sut.SubmitAsync(operations[0]);
        foreach (var operation in operations.Skip(1))
        {
            await sut.SubmitAsync(operation);
        }

        var retried = await Task.WhenAll(operations.Select(o => sut.SubmitAsync(o)));
        var statuses = await Task.WhenAll(operations.Select(o => sut.SettleAsync(_chain, o.Id)));
        var head = await sut.GetHeadAsync();
        var movements = (await sut.GetMovementsAsync(statuses.Min(s => s.BlockNumber!.Value), head.Number))
            .Where(m => m.ProtocolId == protocol).ToList();

        Assert.Equal(CircuitState.Open, sut.Endpoints[0].CircuitState);
        Assert.Equal(CircuitState.Closed, sut.Endpoints[1].CircuitState);
        Assert.False(first.AlreadyKnown);
        Assert.All(retried, r => Assert.True(r.AlreadyKnown));
        Assert.All(statuses, s => Assert.Equal(OperationState.Final, s.State));
        Assert.Equal(operations.Select(o => o.Id.Value).Order(), movements.Select(m => m.OperationId.Value).Order());
        Assert.Equal((UInt128)6_000, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task GetHeadAsync_EveryEndpointDead_ThrowsUnavailable()
    {
        var definition = _chain.Definition with { RpcUrls = [new Uri($"http://127.0.0.1:{DeadPort()}")] };
        using var sut = chains.Client(_chain, chains.Options(), definition);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.GetHeadAsync());

        Assert.Equal(ChainErrorKind.Unavailable, error.Kind);
        Assert.True(error.IsTransient);
    }

    private static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
