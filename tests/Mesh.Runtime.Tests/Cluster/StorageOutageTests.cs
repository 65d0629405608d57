using System.Collections.Concurrent;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Runtime.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class StorageOutageTests
{
    [Fact]
    public async Task PostgresRestart_UnderLoad_CallsFailClearlyThenServiceResumesWithNoAcknowledgedWriteLost()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var database = await server.CreateDatabaseAsync("outage");
        await using var cluster = await TestCluster.StartAsync(
            2,
            database,
            b => b.AddGrainAssembly(typeof(StorageOutageTests).Assembly).Configure(o => o.ResponseTimeout = TimeSpan.FromSeconds(4)),
            s => s.AddSingleton(new LifecycleLog()).AddSingleton(new GateRegistry()));
        var acknowledged = new ConcurrentBag<(string Key, string Op)>();
        var failures = new ConcurrentBag<Exception>();
        var phase = 0;
        var afterRestart = 0;
        using var stop = new CancellationTokenSource();

        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var silos = cluster.Silos;
                var key = $"outage-{(worker * 31 + i) % 100}";
                var op = $"w{worker}-{i}";
                try
                {
                    await silos[i % silos.Count].GrainFactory.GetGrain<IClusterCounterGrain>(key).Add(op);
                    acknowledged.Add((key, op));
                    if (Volatile.Read(ref phase) == 2)
                    {
                        Interlocked.Increment(ref afterRestart);
                    }
                }
                catch (Exception exception) when (Volatile.Read(ref phase) >= 1)
                {
                    failures.Add(exception);
                }
            }
        })));

        await Eventually.TrueAsync(() => acknowledged.Count > 300, "load runs against a healthy database");
        Volatile.Write(ref phase, 1);
        await server.StopAsync();
        await Eventually.TrueAsync(() => failures.Count > 20, "calls fail while PostgreSQL is down", TimeSpan.FromSeconds(30));
        await server.StartAsync();
        Volatile.Write(ref phase, 2);
        await Eventually.TrueAsync(() => Volatile.Read(ref afterRestart) > 200, "service resumed by itself after PostgreSQL came back", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await load;

        Assert.All(failures, f => Assert.True(
            f is SiloUnavailableException or NotOwnerException or GrainCallTimeoutException or InconsistentStateException,
            $"an outage surfaces as a runtime error with a clear message, not {f.GetType()}: {f.Message}"));
        Assert.Contains(failures, f => f.Message.Contains("PostgreSQL", StringComparison.Ordinal) || f is NotOwnerException || f is GrainCallTimeoutException);
        await cluster.WaitForStableOwnershipAsync();
        var states = new Dictionary<string, ClusterCounterState>();
        foreach (var key in acknowledged.Select(a => a.Key).Distinct())
        {
            states[key] = await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).Read();
        }

        foreach (var (key, op) in acknowledged)
        {
            Assert.Equal(1, states[key].Ops.Count(o => o == op));
        }
    }
}
