using System.Buffers;
using System.Buffers.Binary;

namespace Mesh.Runtime.Transport;

/// <summary>
/// Framing of the silo-to-silo stream: each message is [int32 length][int64 correlation id][payload]. Calls and their
/// responses travel as frames on one long-lived, full-duplex HTTP/2 stream, so many calls share one stream and are
/// written in batches.
/// </summary>
internal static class Frames
{
    public const int HeaderSize = 12;
    public const int MaxPayload = 16 * 1024 * 1024;

    public static void Write(IBufferWriter<byte> output, long correlationId, ReadOnlySpan<byte> payload)
    {
        var span = output.GetSpan(HeaderSize + payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], correlationId);
        payload.CopyTo(span[HeaderSize..]);
        output.Advance(HeaderSize + payload.Length);
    }

    /// <summary>Takes one complete frame off the front of <paramref name="buffer"/>, if there is one.</summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out long correlationId, out byte[] payload)
    {
        correlationId = 0;
        payload = [];
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxPayload)
        {
            throw new InvalidDataException($"Frame of {length} bytes is outside 0..{MaxPayload}.");
        }

        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }

        correlationId = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
        payload = buffer.Slice(HeaderSize, length).ToArray();
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }
}
