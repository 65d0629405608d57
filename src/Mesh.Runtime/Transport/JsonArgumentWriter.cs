using System.Text.Json;
using Mesh.Runtime.Invocation;
using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Transport;

/// <summary>Call arguments as JSON blocks inside the binary envelope (the same readable shape as stored state).</summary>
internal sealed class JsonArgumentWriter(EnvelopeWriter writer) : IArgumentWriter
{
    public void Write<T>(T value) => writer.WriteBlock(JsonSerializer.SerializeToUtf8Bytes(value, GrainStateJson.Options));
}
