using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>The deterministic hashes of a simulated chain (SHA-256; a simulated chain needs no Keccak).</summary>
internal static class SimulatedHashes
{
    public static int ChainSeed(int seed, string chainName)
    {
        using var hash = Start("seed");
        AppendInt64(hash, seed);
        AppendText(hash, chainName);
        return BinaryPrimitives.ReadInt32BigEndian(hash.GetHashAndReset());
    }

    public static Bytes32 Genesis(string chainName, ulong chainId, int seed, DateTimeOffset timestamp)
    {
        using var hash = Start("genesis");
        AppendText(hash, chainName);
        AppendInt64(hash, (long)chainId);
        AppendInt64(hash, seed);
        AppendInt64(hash, timestamp.UtcTicks);
        return new Bytes32(hash.GetHashAndReset());
    }

    public static Bytes32 Transaction(Bytes32 genesis, OperationId operationId, int attempt)
    {
        using var hash = Start("tx");
        AppendBytes32(hash, genesis);
        AppendBytes32(hash, operationId.Value);
        AppendInt64(hash, attempt);
        return new Bytes32(hash.GetHashAndReset());
    }

    public static Bytes32 Block(Bytes32 parent, ulong number, DateTimeOffset timestamp, ulong forkNonce, IReadOnlyList<SimulatedTransaction> transactions)
    {
        using var hash = Start("block");
        AppendBytes32(hash, parent);
        AppendInt64(hash, (long)number);
        AppendInt64(hash, timestamp.UtcTicks);
        AppendInt64(hash, (long)forkNonce);
        foreach (var transaction in transactions)
        {
            AppendBytes32(hash, transaction.Hash);
        }

        return new Bytes32(hash.GetHashAndReset());
    }

    private static IncrementalHash Start(string domain)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, "mesh.simulated." + domain);
        return hash;
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendBytes32(IncrementalHash hash, Bytes32 value)
    {
        Span<byte> bytes = stackalloc byte[Bytes32.Length];
        value.CopyTo(bytes);
        hash.AppendData(bytes);
    }
}
