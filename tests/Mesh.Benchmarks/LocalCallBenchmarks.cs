using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// Local grain calls in one in-process silo (SQLite single node; the grains are stateless): one awaited call at a time
/// (the cost of a call) and many concurrent callers (throughput: 1 / Mean = calls per second).
/// </summary>
[MemoryDiagnoser]
public class LocalCallBenchmarks
{
    public const int Callers = 64;
    private const int CallsPerCaller = 2_000;
    private const int RelayCalls = 2_000;
    private InProcessSilo _silo = null!;
    [SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance", Justification = "The baseline is a call through the grain interface.")]
    private IBenchPingGrain _direct = null!;
    private IBenchPingGrain _grain = null!;
    private IBenchRelayGrain _relay = null!;
    private IBenchPingGrain[] _grains = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silo = InProcessSilo.StartSqliteAsync(CancellationToken.None).GetAwaiter().GetResult();
        var grains = _silo.GrainFactory;
        _direct = new DirectPing();
        _grain = grains.GetGrain<IBenchPingGrain>("local-single");
        _relay = grains.GetGrain<IBenchRelayGrain>("local-relay");
        _grains = Enumerable.Range(0, Callers).Select(i => grains.GetGrain<IBenchPingGrain>($"local-{i}")).ToArray();
        Task.WhenAll(_grains.Select(g => g.Ping(0))).GetAwaiter().GetResult();
        _grain.Ping(0).GetAwaiter().GetResult();
        _relay.Run("local-relay-target", 10).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The floor: the same interface called on a plain object, no runtime.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> DirectInterfaceCall() => _direct.Ping(1);

    /// <summary>One awaited grain call from a non-grain caller in the silo process (the silo host's IGrainFactory).</summary>
    [Benchmark]
    public Task<int> GrainCall() => _grain.Ping(1);

    /// <summary>One awaited call from a grain to another grain on the same silo; reported per call (one outer call per 2,000).</summary>
    [Benchmark(OperationsPerInvoke = RelayCalls)]
    public Task<long> GrainToGrainCall() => _relay.Run("local-relay-target", RelayCalls);

    /// <summary>64 callers, each on its own grain, calling in a loop; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task ManyCallersManyGrains() => Task.WhenAll(_grains.Select(g => Task.Run(() => CallLoop(g))));

    /// <summary>64 callers contending for one (non-reentrant) grain; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task ManyCallersOneGrain() => Task.WhenAll(_grains.Select(_ => Task.Run(() => CallLoop(_grain))));

    private static async Task CallLoop(IBenchPingGrain grain)
    {
        for (var i = 0; i < CallsPerCaller; i++)
        {
            await grain.Ping(i);
        }
    }
}
