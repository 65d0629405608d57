using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>
/// Measurements BenchmarkDotNet's iteration statistics cannot give: per-call latency percentiles of cross-silo calls,
/// and the time from killing a silo until its grains answer again on the survivors (default cluster settings).
/// </summary>
internal static class ClusterProbe
{
    public static async Task<string> RunAsync(int calls, int recoveryRuns)
    {
        var report = new StringBuilder();
        report.AppendLine(CallLatency.Machine());
        report.AppendLine("All silos run in this one process (2 cores shared by caller, callee, load and PostgreSQL), HTTP/2 h2c on loopback.");
        report.AppendLine();
        await LatencyAsync(report, calls);
        await RecoveryAsync(report, recoveryRuns);
        return report.ToString();
    }

    private static async Task LatencyAsync(StringBuilder report, int calls)
    {
        await using var cluster = await BenchmarkCluster.StartAsync(2);
        var caller = cluster.Silos[0];
        var keys = BenchmarkCluster.KeysOwnedBy(cluster.Silos[1], "lat-", 9);
        var grain = caller.GrainFactory.GetGrain<IPingGrain>(keys[0]);
        for (var i = 0; i < calls / 10; i++)
        {
            await grain.Ping(i);
        }

        var idle = await CallLatency.MeasureAsync(grain, calls);
        using var stop = new CancellationTokenSource();
        var load = keys[1..].Select(k => Task.Run(async () =>
        {
            var g = caller.GrainFactory.GetGrain<IPingGrain>(k);
            while (!stop.IsCancellationRequested)
            {
                await g.Ping(1);
            }
        })).ToArray();
        var loaded = await CallLatency.MeasureAsync(grain, calls);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        report.AppendLine(CultureInfo.InvariantCulture, $"### Cross-silo call latency ({calls:N0} awaited calls each)");
        report.AppendLine();
        report.AppendLine(CallLatency.Header);
        report.AppendLine(CallLatency.Row("one caller, otherwise idle", idle, "0"));
        report.AppendLine(CallLatency.Row("one caller while 8 other callers call 8 other remote grains", loaded, "0"));
        report.AppendLine();
    }

    private static async Task RecoveryAsync(StringBuilder report, int runs)
    {
        var firstCall = new List<double>();
        var allCallable = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var cluster = await BenchmarkCluster.StartAsync(3);
            var victim = cluster.Silos[2];
            var survivor = cluster.Silos[0];
            var keys = BenchmarkCluster.KeysOwnedBy(victim, $"victim{run}-", 50);
            var grains = keys.Select(k => survivor.GrainFactory.GetGrain<IPingGrain>(k)).ToArray();
            await Task.WhenAll(grains.Select(g => g.Ping(0)));

            var clock = Stopwatch.StartNew();
            await cluster.KillSiloAsync(victim);
            var pending = grains.Select(async g =>
            {
                while (true)
                {
                    try
                    {
                        await g.Ping(1);
                        return clock.Elapsed.TotalSeconds;
                    }
                    catch (Mesh.Runtime.MeshRuntimeException)
                    {
                        // Not yet: the killed silo's leases have not expired. Callers would retry too.
                    }
                }
            }).ToArray();
            var times = await Task.WhenAll(pending);
            firstCall.Add(times.Min());
            allCallable.Add(times.Max());
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"### Kill to recovery ({runs} runs; 3 silos, 50 grains on the killed silo; default LeaseDuration 3 s, RenewInterval 0.75 s)");
        report.AppendLine();
        report.AppendLine("| measure | min | median | max |");
        report.AppendLine("|---|---|---|---|");
        report.AppendLine(Stats("first grain of the killed silo answers on a survivor", firstCall));
        report.AppendLine(Stats("all 50 grains of the killed silo answer", allCallable));
    }

    private static string Stats(string name, List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted[0]:0.00} s | {sorted[sorted.Count / 2]:0.00} s | {sorted[^1]:0.00} s |");
    }

}
