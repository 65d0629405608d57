using System.Globalization;
using System.Numerics;
using System.Text;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Local;
using Nethereum.Util;

namespace Mesh.Silo.Tests.Evm.Transfers;

/// <summary>What the chains themselves hold, read straight from the nodes (not through the mesh): vault and escrow balances, Movement events.</summary>
internal sealed class OnChain(ChainsConfiguration chains, IReadOnlyDictionary<string, Uri> nodes) : IDisposable
{
    private static readonly string MovementTopic = "0x" + Sha3Keccack.Current.CalculateHash("Movement(bytes32,bytes32,address,uint8,address,uint256,address,address)");
    private readonly EvmNodeProbe _probe = new(TimeSpan.FromSeconds(10));

    /// <summary>The vault contract's <c>protocolBalance(protocol, token)</c>.</summary>
    public async Task<UInt128> VaultBalanceAsync(string chain, string protocolId, string asset)
    {
        var definition = chains.FindChain(chain)!;
        var data = Selector("protocolBalance(bytes32,address)") + Convert.ToHexStringLower(ProtocolKey(protocolId)) + Word(definition.FindToken(asset)!.Address);
        return await CallAsync(chain, definition.Contracts.Vault, data);
    }

    /// <summary>The bridge escrow's token balance (<c>balanceOf(escrow)</c>).</summary>
    public async Task<UInt128> EscrowBalanceAsync(string chain, string asset)
    {
        var definition = chains.FindChain(chain)!;
        return await CallAsync(chain, definition.FindToken(asset)!.Address, Selector("balanceOf(address)") + Word(definition.Contracts.Bridge));
    }

    /// <summary>How many Movement events of the vault carry each operation id, over the whole chain.</summary>
    public async Task<IReadOnlyDictionary<OperationId, int>> MovementCountsAsync(string chain)
    {
        var filter = new { address = chains.FindChain(chain)!.Contracts.Vault, fromBlock = "0x0", toBlock = "latest", topics = new[] { MovementTopic } };
        var logs = await _probe.CallAsync(nodes[chain], "eth_getLogs", [filter]);
        return logs.EnumerateArray()
            .Select(log => OperationId.Parse(log.GetProperty("topics")[1].GetString()!))
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>How many transactions an account has had mined on a chain (its nonce at the head).</summary>
    public async Task<ulong> TransactionCountAsync(string chain, string account)
    {
        var count = (await _probe.CallAsync(nodes[chain], "eth_getTransactionCount", [account, "latest"])).GetString()!;
        return ulong.Parse(count[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Stops or restarts block production: interval mining off (and automine off when <paramref name="automine"/> is false), or back to a block on every transaction and every <see cref="LocalNodes.BlockTimeMs"/>.</summary>
    public async Task MiningAsync(string chain, bool interval, bool automine = true)
    {
        await _probe.CallAsync(nodes[chain], "evm_setAutomine", [automine]);
        await _probe.CallAsync(nodes[chain], "evm_setIntervalMining", [interval ? LocalNodes.BlockTimeMs : 0]);
    }

    public void Dispose() => _probe.Dispose();

    /// <summary>A protocol id as the vault keys it: its UTF-8 bytes padded to 32 when they fit, else their Keccak-256 hash.</summary>
    private static byte[] ProtocolKey(string protocolId)
    {
        var bytes = Encoding.UTF8.GetBytes(protocolId);
        if (bytes.Length > 32)
        {
            return Sha3Keccack.Current.CalculateHash(bytes);
        }

        var padded = new byte[32];
        bytes.CopyTo(padded, 0);
        return padded;
    }

    private async Task<UInt128> CallAsync(string chain, string to, string data)
    {
        var word = (await _probe.CallAsync(nodes[chain], "eth_call", [new { to, data }, "latest"])).GetString()!;
        return (UInt128)BigInteger.Parse("0" + word[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static string Selector(string signature) => "0x" + Sha3Keccack.Current.CalculateHash(signature)[..8];

    private static string Word(string address) => address[2..].ToLowerInvariant().PadLeft(64, '0');
}
