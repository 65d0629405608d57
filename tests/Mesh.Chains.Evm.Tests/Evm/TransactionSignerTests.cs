using System.Numerics;
using System.Text.Json;
using Mesh.Chains.Evm.Signing;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class TransactionSignerTests(LocalChains chains)
{
    [Fact]
    public async Task Sign_ValueTransfer_IsAcceptedByNodeUnderComputedHash()
    {
        var chain = chains.C;
        var from = EvmDevelopmentKeys.HardhatAccount(10);
        var to = EvmDevelopmentKeys.HardhatAccount(11).Address;
        var nonce = Convert.ToUInt64((await chain.Rpc.CallAsync("eth_getTransactionCount", from.Address, "pending")).GetString(), 16);
        var before = Balance(await chain.Rpc.CallAsync("eth_getBalance", to, "latest"));
        var value = new BigInteger(1_234_567_890_123);

        var (raw, hash) = TransactionSigner.Sign(from, chain.Node.ChainId, nonce, to, "0x", 21_000, chains.Options(), value);
        var accepted = (await chain.Rpc.CallAsync("eth_sendRawTransaction", raw)).GetString();
        var receipt = await chain.Rpc.CallAsync("eth_getTransactionReceipt", hash.ToString());
        var transaction = await chain.Rpc.CallAsync("eth_getTransactionByHash", hash.ToString());

        Assert.Equal(hash.ToString(), accepted);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(from.Address, receipt.GetProperty("from").GetString());
        Assert.Equal("0x2", transaction.GetProperty("type").GetString());
        Assert.Equal(before + value, Balance(await chain.Rpc.CallAsync("eth_getBalance", to, "latest")));
    }

    private static BigInteger Balance(JsonElement hex) =>
        BigInteger.Parse("0" + hex.GetString()![2..], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
}
