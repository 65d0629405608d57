using System.Text.Json.Nodes;
using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

/// <summary><c>eth_getLogs</c> answers a real node's proxy rewrites: every malformed or disordered answer is rejected as invalid, naming what is wrong.</summary>
[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientLogValidationTests(LocalChains chains)
{
    private readonly LocalChain _chain = chains.B;

    public static TheoryData<string, string> Tamperings() => new()
    {
        { "reversed", "out of order" },
        { "outside the range", "the node answered a log of block" },
        { "no block hash", "without its block number, block hash" },
        { "short data", "data bytes; expected 160" },
        { "unknown kind", "unknown kind 7" },
        { "amount beyond 128 bits", "beyond 128 bits" },
        { "short topic", "topic is not 32 bytes" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task GetMovementsAsync_NodeAnswersTamperedLogs_InvalidResponseNamingTheProblem(string tampering, string expected)
    {
        var account = EvmDevelopmentKeys.HardhatAccount(7);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 30);
        using var direct = chains.Client(_chain);
        await direct.SubmitAsync(Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 10));
        var second = await direct.SubmitAsync(Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 20));
        var to = (await direct.GetHeadAsync()).Number;
        var from = to - 1;
        var honest = await direct.GetMovementsAsync(from, to);
        await using var proxy = new TamperingRpcProxy(_chain.Node.Url);
        using var sut = chains.Client(_chain, definition: _chain.Definition with { RpcUrls = [proxy.Url] });
        proxy.Logs = logs => Tamper(tampering, logs, to);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.GetMovementsAsync(from, to));
        proxy.Logs = null;
        var untampered = await sut.GetMovementsAsync(from, to);

        Assert.Equal([10, 20], honest.Where(m => m.ProtocolId == protocol).Select(m => (int)m.Amount));
        Assert.Equal(second.TransactionHash, honest[^1].TransactionHash);
        Assert.Equal(ChainErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(ChainErrorCodes.InvalidResponse, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(honest, untampered);
    }

    private static JsonArray Tamper(string tampering, JsonArray logs, ulong to)
    {
        var first = logs[0]!.AsObject();
        var data = first["data"]!.GetValue<string>();
        switch (tampering)
        {
            case "reversed":
                return [.. logs.Reverse().Select(l => l!.DeepClone())];
            case "outside the range":
                first["blockNumber"] = "0x" + (to + 5).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "no block hash":
                first["blockHash"] = null;
                break;
            case "short data":
                first["data"] = data[..^64];
                break;
            case "unknown kind":
                first["data"] = "0x" + new string('0', 63) + "7" + data[66..];
                break;
            case "amount beyond 128 bits":
                first["data"] = data[..130] + new string('f', 64) + data[194..];
                break;
            default:
                first["topics"]![3] = "0x1234";
                break;
        }

        return logs;
    }
}
