namespace Mesh.TestGrains;

/// <summary>Persisted counter: plain data, serialized as JSON without type names.</summary>
public sealed class CounterState
{
    public long Value { get; set; }

    public HashSet<Guid> Applied { get; set; } = [];
}
