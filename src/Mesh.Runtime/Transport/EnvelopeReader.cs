using System.Buffers.Binary;
using System.Text;

namespace Mesh.Runtime.Transport;

/// <summary>Reads the binary envelope; any malformed input fails with <see cref="InvalidDataException"/>.</summary>
internal ref struct EnvelopeReader(ReadOnlySpan<byte> data)
{
    private const int MaxBlock = 16 * 1024 * 1024;
    private ReadOnlySpan<byte> _data = data;

    public readonly bool IsEmpty => _data.IsEmpty;

    public byte ReadByte()
    {
        Need(1);
        var value = _data[0];
        _data = _data[1..];
        return value;
    }

    public uint ReadVarInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed varint in envelope.");
    }

    public long ReadInt64()
    {
        Need(8);
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data);
        _data = _data[8..];
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBlock());

    public ReadOnlySpan<byte> ReadBlock()
    {
        var length = ReadVarInt();
        if (length > MaxBlock)
        {
            throw new InvalidDataException($"Envelope block of {length} bytes exceeds the {MaxBlock}-byte limit.");
        }

        Need((int)length);
        var block = _data[..(int)length];
        _data = _data[(int)length..];
        return block;
    }

    private readonly void Need(int count)
    {
        if (_data.Length < count)
        {
            throw new InvalidDataException("Truncated envelope.");
        }
    }
}
