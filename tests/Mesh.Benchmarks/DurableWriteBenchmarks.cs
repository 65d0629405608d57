using BenchmarkDotNet.Attributes;
using Mesh.Storage;
using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// Durable grain-state writes (committed before the call returns) through Orleans' ADO.NET grain storage as Mesh
/// wires it, to PostgreSQL and to SQLite; the calls come from the silo process itself. 1 / Mean = writes per second.
/// </summary>
[MemoryDiagnoser]
public class DurableWriteBenchmarks
{
    private const int WritesPerGrain = 20;
    private const int ConcurrentGrains = 64;
    private InProcessSilo _silo = null!;
    private IBenchWriteGrain[] _grains = null!;

    [Params(StorageProvider.PostgreSql, StorageProvider.Sqlite)]
    public StorageProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _silo = InProcessSilo.StartAsync(Provider, CancellationToken.None).GetAwaiter().GetResult();
        _grains = Enumerable.Range(0, ConcurrentGrains).Select(i => _silo.GrainFactory.GetGrain<IBenchWriteGrain>($"writer-{i}")).ToArray();

        // Activate every grain and write its first row, so iterations measure updates of existing rows.
        Task.WhenAll(_grains.Select(g => g.Write())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One grain writing, each write awaited before the next; reported per write.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = WritesPerGrain)]
    public async Task OneWriterSequential()
    {
        for (var i = 0; i < WritesPerGrain; i++)
        {
            await _grains[0].Write();
        }
    }

    /// <summary>64 grains writing at once, each its own row; reported per write.</summary>
    [Benchmark(OperationsPerInvoke = WritesPerGrain * ConcurrentGrains)]
    public Task ConcurrentWriters() => Task.WhenAll(_grains.Select(async g =>
    {
        for (var i = 0; i < WritesPerGrain; i++)
        {
            await g.Write();
        }
    }));
}
