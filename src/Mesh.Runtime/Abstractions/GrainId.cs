using System.Text;

namespace Mesh.Runtime;

/// <summary>The identity of a grain: its grain type name and its key.</summary>
/// <param name="Type">The grain type name, e.g. <c>vault</c>.</param>
/// <param name="Key">The grain key, e.g. <c>protocol-1/arbitrum</c>.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>A hash of the id that is stable across processes and machines (FNV-1a 64 with a final mix).</summary>
    public ulong StableHash()
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        hash = Mix(hash, Type, prime);
        hash = (hash ^ '/') * prime;
        hash = Mix(hash, Key, prime);
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <inheritdoc />
    public override string ToString() => Type + "/" + Key;

    internal static void ValidateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A grain key must have 1 to {MaxKeyLength} characters; got {key.Length}.", nameof(key));
        }
    }

    private static ulong Mix(ulong hash, string text, ulong prime)
    {
        Span<byte> buffer = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(text.Length, 256))];
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            var chunk = remaining[..Math.Min(remaining.Length, 256)];
            var written = Encoding.UTF8.GetBytes(chunk, buffer);
            foreach (var b in buffer[..written])
            {
                hash = (hash ^ b) * prime;
            }

            remaining = remaining[chunk.Length..];
        }

        return hash;
    }
}
