using System.Numerics;
using Mesh.Chains.Clients;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm.Abi;

/// <summary>
/// Decodes the vault's <c>Movement</c> logs into <see cref="MovementEvent"/>s. A log that is not a Movement (other
/// topic, or removed) is skipped; a Movement log that is malformed (missing block, hash or index, topics or data of
/// the wrong size, an unknown kind, an amount beyond 128 bits) throws a <see cref="FormatException"/> saying what.
/// </summary>
internal sealed class MovementLogDecoder(string chainName, IReadOnlyDictionary<string, string> tokenSymbols, Func<Bytes32, string?> knownProtocols)
{
    public MovementEvent? Decode(FilterLog log)
    {
        if (log.Removed || log.Topics is not { Length: > 0 } topics
            || !string.Equals(topics[0]?.ToString(), VaultAbi.MovementTopic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (topics.Length != 4)
        {
            throw new FormatException($"A Movement log with {topics.Length} topics; expected 4.");
        }

        if (log.BlockNumber is null || log.LogIndex is null || log.BlockHash is null || log.TransactionHash is null)
        {
            throw new FormatException("A Movement log without its block number, block hash, transaction hash or log index (a pending log?).");
        }

        var data = Hex(log.Data, "data");
        if (data.Length != 5 * 32)
        {
            throw new FormatException($"A Movement log of {data.Length} data bytes; expected 160.");
        }

        var kind = VaultAbi.Word(data, 0);
        if (kind > 3)
        {
            throw new FormatException($"A Movement log of unknown kind {kind}.");
        }

        var amount = VaultAbi.Word(data, 2);
        if (amount > (BigInteger)UInt128.MaxValue)
        {
            throw new FormatException($"A Movement log of amount {amount}, beyond 128 bits.");
        }

        if (log.BlockNumber.Value > ulong.MaxValue || log.LogIndex.Value > int.MaxValue || log.BlockNumber.Value < 0 || log.LogIndex.Value < 0)
        {
            throw new FormatException($"A Movement log at block {log.BlockNumber.Value}, index {log.LogIndex.Value}: out of range.");
        }

        return new MovementEvent(
            chainName,
            new OperationId(Topic(topics[1], "operation id")),
            (OperationKind)(int)kind,
            ProtocolIds.Decode(Topic(topics[2], "protocol"), knownProtocols),
            VaultAbi.AddressWord(data, 1),
            Token(Topic(topics[3], "token")),
            (UInt128)amount,
            VaultAbi.AddressWord(data, 3),
            VaultAbi.AddressWord(data, 4),
            (ulong)log.BlockNumber.Value,
            Bytes32.Parse(log.BlockHash),
            Bytes32.Parse(log.TransactionHash),
            (int)log.LogIndex.Value);
    }

    private string Token(Bytes32 topic)
    {
        var token = VaultAbi.AddressWord(topic.ToArray(), 0);
        return tokenSymbols.GetValueOrDefault(token, token);
    }

    private static Bytes32 Topic(object? topic, string what) =>
        Bytes32.TryParse(topic?.ToString(), out var value) ? value : throw new FormatException($"A Movement log whose {what} topic is not 32 bytes: '{topic}'.");

    private static byte[] Hex(string? text, string what)
    {
        try
        {
            return (text ?? throw new FormatException($"A Movement log without {what}.")).HexToByteArray();
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException)
        {
            throw new FormatException($"A Movement log whose {what} is not hex.", e);
        }
    }
}
