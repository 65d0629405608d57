using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>
/// The deterministic hashes of a simulated chain: SHA-256 (a simulated chain needs no Keccak) over a domain tag and
/// fixed-width big-endian fields, written into a pooled buffer and hashed in one shot.
/// </summary>
internal static class SimulatedHashes
{
    private const byte SeedTag = 1;
    private const byte GenesisTag = 2;
    private const byte TransactionTag = 3;
    private const byte BlockTag = 4;

    public static int ChainSeed(int seed, string chainName)
    {
        var name = Encoding.UTF8.GetBytes(chainName);
        return BinaryPrimitives.ReadInt32BigEndian(Hash(1 + 8 + name.Length, buffer =>
        {
            var at = Tag(buffer, SeedTag);
            at = Int64(buffer, at, seed);
            name.CopyTo(buffer[at..]);
        }).ToArray());
    }

    public static Bytes32 Genesis(string chainName, ulong chainId, int seed, DateTimeOffset timestamp)
    {
        var name = Encoding.UTF8.GetBytes(chainName);
        return Hash(1 + (3 * 8) + name.Length, buffer =>
        {
            var at = Tag(buffer, GenesisTag);
            at = Int64(buffer, at, (long)chainId);
            at = Int64(buffer, at, seed);
            at = Int64(buffer, at, timestamp.UtcTicks);
            name.CopyTo(buffer[at..]);
        });
    }

    public static Bytes32 Transaction(Bytes32 genesis, OperationId operationId, int attempt) =>
        Hash(1 + (2 * Bytes32.Length) + 8, buffer =>
        {
            var at = Tag(buffer, TransactionTag);
            at = Value(buffer, at, genesis);
            at = Value(buffer, at, operationId.Value);
            Int64(buffer, at, attempt);
        });

    public static Bytes32 Block(Bytes32 parent, ulong number, DateTimeOffset timestamp, ulong forkNonce, IReadOnlyList<SimulatedTransaction> transactions) =>
        Hash(1 + Bytes32.Length + (3 * 8) + (transactions.Count * Bytes32.Length), buffer =>
        {
            var at = Tag(buffer, BlockTag);
            at = Value(buffer, at, parent);
            at = Int64(buffer, at, (long)number);
            at = Int64(buffer, at, timestamp.UtcTicks);
            at = Int64(buffer, at, (long)forkNonce);
            foreach (var transaction in transactions)
            {
                at = Value(buffer, at, transaction.Hash);
            }
        });

    private static Bytes32 Hash(int length, SpanAction write)
    {
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            write(buffer);
            return Bytes32.Sha256(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Tag(Span<byte> buffer, byte tag)
    {
        buffer[0] = tag;
        return 1;
    }

    private static int Int64(Span<byte> buffer, int at, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer[at..], value);
        return at + 8;
    }

    private static int Value(Span<byte> buffer, int at, Bytes32 value)
    {
        value.CopyTo(buffer[at..]);
        return at + Bytes32.Length;
    }

    private delegate void SpanAction(Span<byte> buffer);
}
