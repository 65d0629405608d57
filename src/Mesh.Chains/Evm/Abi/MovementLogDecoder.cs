using Mesh.Chains.Clients;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm.Abi;

/// <summary>Decodes the vault's <c>Movement</c> logs into <see cref="MovementEvent"/>s.</summary>
internal sealed class MovementLogDecoder(string chainName, IReadOnlyDictionary<string, string> tokenSymbols, Func<Bytes32, string?> knownProtocols)
{
    public MovementEvent? Decode(FilterLog log)
    {
        if (log.Removed || log.Topics is not { Length: 4 } topics
            || !string.Equals(topics[0]?.ToString(), VaultAbi.MovementTopic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var data = log.Data.HexToByteArray();
        if (data.Length != 5 * 32)
        {
            throw new FormatException($"A Movement log of {data.Length} data bytes; expected 160.");
        }

        var kind = (int)VaultAbi.Word(data, 0);
        if (!Enum.IsDefined((OperationKind)kind))
        {
            throw new FormatException($"A Movement log of unknown kind {kind}.");
        }

        var token = VaultAbi.AddressWord(topics[3].ToString()!.HexToByteArray(), 0);
        return new MovementEvent(
            chainName,
            new OperationId(Bytes32.Parse(topics[1].ToString()!)),
            (OperationKind)kind,
            ProtocolIds.Decode(Bytes32.Parse(topics[2].ToString()!), knownProtocols),
            VaultAbi.AddressWord(data, 1),
            tokenSymbols.GetValueOrDefault(token, token),
            VaultAbi.Amount(VaultAbi.Word(data, 2)),
            VaultAbi.AddressWord(data, 3),
            VaultAbi.AddressWord(data, 4),
            (ulong)log.BlockNumber.Value,
            Bytes32.Parse(log.BlockHash),
            Bytes32.Parse(log.TransactionHash),
            (int)log.LogIndex.Value);
    }
}
