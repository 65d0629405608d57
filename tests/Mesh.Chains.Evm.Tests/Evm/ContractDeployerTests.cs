using System.Numerics;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Tests.Fixtures;
using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class ContractDeployerTests(LocalChains chains)
{
    [Fact]
    public void DeployAsync_SamePlanOnFreshChains_GivesSameAddresses()
    {
        var addresses = chains.Chains.Select(c => (c.Deployed.Contracts, Tokens: string.Join(",", c.Deployed.Tokens.Select(t => t.Address)))).Distinct().ToList();

        Assert.Single(addresses);
        Assert.NotEqual(chains.A.Deployed.Contracts.Vault, chains.A.Deployed.Contracts.Bridge);
        Assert.Equal(["USDC", "WETH"], chains.A.Definition.Tokens.Select(t => t.Symbol));
        Assert.Equal([6, 18], chains.A.Definition.Tokens.Select(t => t.Decimals));
    }

    [Fact]
    public async Task DeployAsync_TestToken_HasConfiguredDecimals()
    {
        var chain = chains.A;

        var decimals = await CallAsync(chain, chain.Token("USDC"), "decimals()");

        Assert.Equal(6, (int)VaultAbi.Word(decimals, 0));
    }

    [Fact]
    public async Task PublishPriceAsync_NewAnswer_IsLatestRoundInAggregatorV3Shape()
    {
        var chain = chains.B;
        var feed = chain.Deployed.PriceFeeds.Single();

        await chain.Deployer.PublishPriceAsync(feed.Address, 3_123_45000000);
        var latest = await CallAsync(chain, feed.Address, "latestRoundData()");
        var roundId = VaultAbi.Word(latest, 0);
        var previous = await CallAsync(chain, feed.Address, "getRoundData(uint80)", new ABIValue("uint80", roundId - 1));
        var decimals = await CallAsync(chain, feed.Address, "decimals()");
        var description = new ABIEncode().DecodeEncodedString(await CallAsync(chain, feed.Address, "description()"));

        Assert.Equal(new BigInteger(3_123_45000000), VaultAbi.Word(latest, 1));
        Assert.Equal(roundId, VaultAbi.Word(latest, 4));
        Assert.True(VaultAbi.Word(latest, 3) > 0);
        Assert.Equal(new BigInteger(3_000_00000000), VaultAbi.Word(previous, 1));
        Assert.Equal(8, (int)VaultAbi.Word(decimals, 0));
        Assert.Equal("ETH / USD", description);
    }

    [Fact]
    public async Task GetRoundData_RoundNeverPublished_Reverts()
    {
        var chain = chains.B;
        var feed = chain.Deployed.PriceFeeds.Single();

        await Assert.ThrowsAsync<RpcCallException>(() => CallAsync(chain, feed.Address, "getRoundData(uint80)", new ABIValue("uint80", 1_000_000)));
    }

    private static async Task<byte[]> CallAsync(LocalChain chain, string to, string signature, params ABIValue[] arguments)
    {
        var result = await chain.Rpc.CallAsync("eth_call", new { to, data = VaultAbi.Call(signature, arguments) }, "latest");
        return result.GetString()!.HexToByteArray();
    }
}
