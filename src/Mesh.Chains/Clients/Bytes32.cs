using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Mesh.Chains.Clients;

/// <summary>
/// A 32-byte value (an EVM <c>bytes32</c>): transaction and block hashes, operation ids. Compared by value; written
/// as <c>0x</c> and 64 lower-case hex digits.
/// </summary>
public readonly struct Bytes32 : IEquatable<Bytes32>, IComparable<Bytes32>
{
    /// <summary>The number of bytes in the value.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Creates the value from exactly 32 bytes, big-endian (the order they are written in hex).</summary>
    /// <param name="bytes">The 32 bytes.</param>
    /// <exception cref="ArgumentException">When <paramref name="bytes"/> is not 32 bytes long.</exception>
    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A bytes32 value needs exactly 32 bytes, got {bytes.Length}.", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The all-zero value.</summary>
    public static Bytes32 Zero => default;

    /// <summary>Whether every byte is zero.</summary>
    public bool IsZero => (_a | _b | _c | _d) == 0;

    /// <summary>Parses <c>0x</c> followed by 64 hex digits (either case).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">When the text is not of that form.</exception>
    public static Bytes32 Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"Expected 0x and 64 hex digits, got '{text}'.");

    /// <summary>Tries to parse <c>0x</c> followed by 64 hex digits (either case).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value when parsing succeeded.</param>
    /// <returns>Whether the text was of that form.</returns>
    public static bool TryParse(string? text, out Bytes32 value)
    {
        value = default;
        if (text is null || text.Length != 2 + (2 * Length) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            if (!byte.TryParse(text.AsSpan(2 + (2 * i), 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        value = new Bytes32(bytes);
        return true;
    }

    /// <summary>The SHA-256 digest of <paramref name="data"/>, for deterministic ids and simulated hashes.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <returns>The digest.</returns>
    public static Bytes32 Sha256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Length];
        SHA256.HashData(data, digest);
        return new Bytes32(digest);
    }

    /// <summary>Writes the 32 bytes, big-endian, into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes, big-endian, as a new array.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <inheritdoc />
    public bool Equals(Bytes32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <inheritdoc />
    public int CompareTo(Bytes32 other)
    {
        var order = _a.CompareTo(other._a);
        order = order != 0 ? order : _b.CompareTo(other._b);
        order = order != 0 ? order : _c.CompareTo(other._c);
        return order != 0 ? order : _d.CompareTo(other._d);
    }

    /// <summary>Formats the value as <c>0x</c> and 64 lower-case hex digits.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"0x{_a:x16}{_b:x16}{_c:x16}{_d:x16}");

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);

    /// <summary>Orders two values as big-endian unsigned integers.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Bytes32 left, Bytes32 right) => left.CompareTo(right) < 0;

    /// <summary>Orders two values as big-endian unsigned integers.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Bytes32 left, Bytes32 right) => left.CompareTo(right) > 0;

    /// <summary>Orders two values as big-endian unsigned integers.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(Bytes32 left, Bytes32 right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two values as big-endian unsigned integers.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(Bytes32 left, Bytes32 right) => left.CompareTo(right) >= 0;
}
