namespace Mesh.TestGrains;

/// <summary>A grain for durable-write benchmarks: every call changes its state and writes it before returning.</summary>
[Alias("test.bench.write")]
public interface IBenchWriteGrain : IGrainWithStringKey
{
    /// <summary>Increments the sequence and writes the state (one storage write); returns the new sequence.</summary>
    [Alias("test.bench.write.write")]
    Task<long> Write();
}
