using BenchmarkDotNet.Attributes;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>Grain calls from one silo to grains owned by another, over HTTP/2 on loopback (both silos in this process).</summary>
[MemoryDiagnoser]
public class ClusterCallBenchmarks
{
    private const int Callers = 64;
    private const int CallsPerCaller = 200;
    private TestCluster _cluster = null!;
    private IPingGrain _remote = null!;
    private IPingGrain _local = null!;
    private IPingGrain[] _remotes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchmarkCluster.StartAsync(2).GetAwaiter().GetResult();
        var caller = _cluster.Silos[0];
        var owner = _cluster.Silos[1];
        var remoteKeys = BenchmarkCluster.KeysOwnedBy(owner, "remote-", Callers);
        _remotes = remoteKeys.Select(k => caller.GrainFactory.GetGrain<IPingGrain>(k)).ToArray();
        _remote = _remotes[0];
        _local = caller.GrainFactory.GetGrain<IPingGrain>(BenchmarkCluster.KeysOwnedBy(caller, "local-", 1)[0]);
        Task.WhenAll(_remotes.Select(g => g.Ping(0))).GetAwaiter().GetResult();
        _local.Ping(0).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The same call to a grain the calling silo owns.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> LocalCall() => _local.Ping(1);

    /// <summary>One awaited call to a grain on the other silo.</summary>
    [Benchmark]
    public Task<int> RemoteCall() => _remote.Ping(1);

    /// <summary>64 concurrent callers on 64 remote grains; reported per call.</summary>
    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    public Task RemoteCallsManyCallers() => Task.WhenAll(_remotes.Select(g => Task.Run(async () =>
    {
        for (var i = 0; i < CallsPerCaller; i++)
        {
            await g.Ping(i);
        }
    })));
}
