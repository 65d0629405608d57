using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientProviderTests(LocalChains chains)
{
    [Fact]
    public async Task CreateProvider_ThreeLocalChains_ServesEachByNameWithItsChainId()
    {
        var configuration = new ChainsConfiguration { Version = 1, Chains = [.. chains.Chains.Select(c => c.Definition)], Routes = [] };
        var sut = EvmChains.CreateProvider(configuration, chains.MeshSigner, chains.Options());
        try
        {
            var heads = await Task.WhenAll(sut.ChainNames.Select(n => sut.GetClient(n).GetHeadAsync()));

            Assert.Equal(["local-a", "local-b", "local-c"], sut.ChainNames);
            Assert.All(heads, h => Assert.True(h.Number > 0));
            Assert.False(sut.TryGetClient("local-z", out _));
            Assert.Equal(ChainErrorCodes.UnknownChain, Assert.Throws<ChainClientException>(() => sut.GetClient("local-z")).Code);
        }
        finally
        {
            ((IDisposable)sut).Dispose();
        }
    }

    [Fact]
    public async Task GetFinalizedHeadAsync_AfterMining_IsConfirmationsBelowHead()
    {
        using var sut = chains.Client(chains.A);
        await chains.A.Rpc.MineAsync(LocalChains.Confirmations + 1);

        var head = await sut.GetHeadAsync();
        var finalized = await sut.GetFinalizedHeadAsync();
        var block = await sut.GetBlockAsync(finalized.Number + 1);

        Assert.Equal(head.Number - LocalChains.Confirmations, finalized.Number);
        Assert.Equal(finalized.Hash, block!.ParentHash);
        Assert.Null(await sut.GetBlockAsync(head.Number + 1_000));
    }
}
