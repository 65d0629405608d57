using System.Text.Json;
using Mesh.Runtime.Invocation;
using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Transport;

/// <summary>Reads the argument blocks in order.</summary>
internal sealed class JsonArgumentReader(List<byte[]> blocks) : IArgumentReader
{
    private int _next;

    public T Read<T>()
    {
        if (_next >= blocks.Count)
        {
            throw new InvalidDataException($"The call carries {blocks.Count} arguments but the method takes more.");
        }

        return JsonSerializer.Deserialize<T>(blocks[_next++], GrainStateJson.Options)!;
    }
}
