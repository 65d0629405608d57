namespace Mesh.TestGrains;

/// <summary>Persisted state of <see cref="BenchWriteGrain"/>: plain data, serialized as JSON without type names.</summary>
public sealed class BenchWriteState
{
    public long Sequence { get; set; }
}
