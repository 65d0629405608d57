using BenchmarkDotNet.Attributes;
using Mesh.Runtime;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>Local grain calls in one silo: one caller (latency of a call) and many concurrent callers (throughput).</summary>
[MemoryDiagnoser]
public class LocalCallBenchmarks
{
    private const int CallsPerCaller = 2_000;
    private TestSilo _silo = null!;
    private IPingGrain _grain = null!;
    private IPingGrain[] _grains = null!;
    private IPingGrain _direct = null!;

    [Params(64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchmarkSilo.StartSqliteAsync().GetAwaiter().GetResult();
        _grain = _silo.GrainFactory.GetGrain<IPingGrain>("single");
        _grains = Enumerable.Range(0, Callers).Select(i => _silo.GrainFactory.GetGrain<IPingGrain>("g" + i)).ToArray();
        _direct = new DirectPing();
        Task.WhenAll(_grains.Select(g => g.Ping(0))).GetAwaiter().GetResult();
        _grain.Ping(0).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The floor: the same interface called on a plain object, no runtime.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> DirectInterfaceCall() => _direct.Ping(1);

    /// <summary>One awaited grain call from a non-grain caller.</summary>
    [Benchmark]
    public Task<int> GrainCall() => _grain.Ping(1);

    /// <summary>Many callers, each on its own grain, calling in a loop; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = 64 * CallsPerCaller)]
    public Task ManyCallersManyGrains() => Task.WhenAll(_grains.Select(g => Task.Run(() => CallLoop(g))));

    /// <summary>Many callers contending for one grain; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = 64 * CallsPerCaller)]
    public Task ManyCallersOneGrain() => Task.WhenAll(_grains.Select(_ => Task.Run(() => CallLoop(_grain))));

    private static async Task CallLoop(IPingGrain grain)
    {
        for (var i = 0; i < CallsPerCaller; i++)
        {
            await grain.Ping(i);
        }
    }

    private sealed class DirectPing : IPingGrain
    {
        private int _calls;

        public Task<int> Ping(int value) => Task.FromResult(value + ++_calls);
    }
}
