using BenchmarkDotNet.Attributes;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>Durable state writes (committed and fsynced) to PostgreSQL from many grains at once.</summary>
[MemoryDiagnoser]
public class PersistedWriteBenchmarks
{
    private const int WritesPerGrain = 20;
    private const int ConcurrentGrains = 64;
    private TestSilo _silo = null!;
    private IWriterGrain[] _grains = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchmarkSilo.StartPostgresAsync().GetAwaiter().GetResult();
        _grains = Enumerable.Range(0, ConcurrentGrains).Select(i => _silo.GrainFactory.GetGrain<IWriterGrain>("w" + i)).ToArray();
        Task.WhenAll(_grains.Select(g => g.Write())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = WritesPerGrain)]
    public async Task OneWriterSequential()
    {
        for (var i = 0; i < WritesPerGrain; i++)
        {
            await _grains[0].Write();
        }
    }

    /// <summary>64 grains writing at once; reported per write: 1 / mean = writes per second.</summary>
    [Benchmark(OperationsPerInvoke = WritesPerGrain * ConcurrentGrains)]
    public Task ConcurrentWriters() => Task.WhenAll(_grains.Select(async g =>
    {
        for (var i = 0; i < WritesPerGrain; i++)
        {
            await g.Write();
        }
    }));
}
