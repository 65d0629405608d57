using BenchmarkDotNet.Attributes;
using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// Grain-to-grain calls from silo A to grains activated on silo B: two silo processes (Mesh.TestSilo, PostgreSQL
/// clustering) on loopback. Relay grains on A make the calls, so this process pays one client call per batch.
/// </summary>
[MemoryDiagnoser]
public class CrossSiloCallBenchmarks
{
    private const int Callers = 64;
    private const int CallsPerCaller = 200;
    private const int SingleCallerCalls = 1_000;
    private CrossSiloPair _pair = null!;

    [GlobalSetup]
    public void Setup() => _pair = CrossSiloPair.StartAsync("bdn", Callers, CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            // Placement must not have moved during the run (an activation collected and re-created on A, for one).
            _pair.VerifyPlacementAsync().GetAwaiter().GetResult();
        }
        finally
        {
            _pair.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The same calls from the relay to a grain on its own silo A; reported per call.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SingleCallerCalls)]
    public Task<long> LocalCall() => _pair.Relays[0].Run(_pair.LocalTarget, SingleCallerCalls);

    /// <summary>One caller: awaited calls one after another from a grain on A to a grain on B; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = SingleCallerCalls)]
    public Task<long> RemoteCall() => _pair.Relays[0].Run(_pair.RemoteTargets[0], SingleCallerCalls);

    /// <summary>64 grains on A, each calling its own grain on B in a loop at once; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task RemoteCallsManyCallers() =>
        Task.WhenAll(_pair.Relays.Select((relay, i) => relay.Run(_pair.RemoteTargets[i], CallsPerCaller)));
}
