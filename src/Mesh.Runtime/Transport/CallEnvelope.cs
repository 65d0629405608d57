using Mesh.Runtime.Activation;
using Mesh.Runtime.Invocation;

namespace Mesh.Runtime.Transport;

/// <summary>
/// One grain call between silos: target grain, method, arguments, time left until the deadline, the call chain (for
/// cycle detection) and the W3C trace context.
/// </summary>
internal sealed record CallEnvelope(GrainId GrainId, string InterfaceName, string MethodId, TimeSpan Timeout, string? TraceParent, CallChain? Chain, List<byte[]> Arguments)
{
    private const byte Version = 1;

    public static ReadOnlyMemory<byte> Encode(GrainId grainId, GrainRequest request, TimeSpan timeout, string? traceParent, CallChain? chain)
    {
        var arguments = new EnvelopeWriter();
        var counting = new CountingWriter(arguments);
        request.WriteArguments(counting);
        var writer = new EnvelopeWriter();
        writer.WriteByte(Version);
        writer.WriteString(grainId.Type);
        writer.WriteString(grainId.Key);
        writer.WriteString(request.Method.InterfaceName);
        writer.WriteString(request.Method.MethodId);
        writer.WriteInt64((long)timeout.TotalMilliseconds);
        writer.WriteString(traceParent);
        var links = new List<CallChain>();
        for (var node = chain; node is not null; node = node.Parent)
        {
            links.Add(node);
        }

        writer.WriteVarInt((uint)links.Count);
        for (var i = links.Count - 1; i >= 0; i--)
        {
            writer.WriteString(links[i].GrainId.Type);
            writer.WriteString(links[i].GrainId.Key);
            writer.WriteString(links[i].Method);
            writer.WriteInt64(links[i].TurnId);
            writer.WriteVarInt((uint)links[i].Flags);
        }

        writer.WriteVarInt((uint)counting.Count);
        writer.WriteBlock(arguments.WrittenMemory.Span);
        if (writer.WrittenMemory.Length > Frames.MaxPayload)
        {
            throw new ArgumentException($"The call {grainId}.{request.Method.DisplayName} carries {writer.WrittenMemory.Length} bytes of arguments; calls between silos are limited to {Frames.MaxPayload} bytes.", nameof(request));
        }

        return writer.WrittenMemory;
    }

    public static CallEnvelope Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new EnvelopeReader(bytes);
        if (reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Unsupported call envelope version.");
        }

        var grainId = new GrainId(reader.ReadString(), reader.ReadString());
        var interfaceName = reader.ReadString();
        var methodId = reader.ReadString();
        var timeout = TimeSpan.FromMilliseconds(Math.Max(0, reader.ReadInt64()));
        var traceParent = reader.ReadString();
        CallChain? chain = null;
        var links = reader.ReadVarInt();
        for (var i = 0; i < links; i++)
        {
            chain = new CallChain(new GrainId(reader.ReadString(), reader.ReadString()), reader.ReadString(), reader.ReadInt64(), chain, (GrainMethodFlags)reader.ReadVarInt());
        }

        var argumentCount = (int)reader.ReadVarInt();
        var argumentReader = new EnvelopeReader(reader.ReadBlock());
        var arguments = new List<byte[]>(Math.Min(argumentCount, 64));
        for (var i = 0; i < argumentCount; i++)
        {
            arguments.Add(argumentReader.ReadBlock().ToArray());
        }

        return new CallEnvelope(grainId, interfaceName, methodId, timeout, traceParent.Length == 0 ? null : traceParent, chain, arguments);
    }

    private sealed class CountingWriter(EnvelopeWriter writer) : IArgumentWriter
    {
        private readonly JsonArgumentWriter _inner = new(writer);

        public int Count { get; private set; }

        public void Write<T>(T value)
        {
            _inner.Write(value);
            Count++;
        }
    }
}
