using System.Diagnostics;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Failure detection must not mistake a busy silo for a dead one: Orleans makes a silo declared dead shut itself
/// down, so a false positive is an outage. Three silos run the default membership settings while a client keeps
/// writing, every silo collects garbage back to back (forced blocking full collections over a retained heap) and
/// this process spins one thread per core.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MembershipSoakTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SoakDuration = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DefaultMembership_SaturatedCpuAndFullCollections_NoSiloSuspectedDeadAndEveryCallAcknowledged()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("soak");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        var silos = cluster.Silos;
        var failures = new CallFailures(Stopwatch.StartNew());
        await using var watch = MembershipWatch.Start(database, failures.Clock);
        var keys = Counters.Keys("soak", 300);
        await using var load = IncrementLoad.Start(cluster.Client, keys, drivers: 8, attemptTimeout: TimeSpan.FromSeconds(5), giveUpAfter: TimeSpan.FromSeconds(60), failures);
        await load.WaitForMoreAsync(500, "the load is warm", TimeSpan.FromSeconds(60));
        var loadAverageAtStart = LoadAverage();

        var soakStart = failures.Clock.Elapsed;
        await using (var pressure = await SiloPressure.StartAsync(silos, retainedMegabytes: 48, garbageMegabytes: 16))
        {
            using (var burner = CpuBurner.OnEveryCore())
            {
                while (failures.Clock.Elapsed - soakStart < SoakDuration)
                {
                    Assert.DoesNotContain(silos, s => s.HasExited);
                    Assert.Empty(watch.NotActive);
                    await load.WaitForMoreAsync(1, "the load keeps being acknowledged under pressure", TimeSpan.FromSeconds(30));
                }

                output.WriteLine($"cpu burner: {Environment.ProcessorCount} threads, {burner.Spins} spin rounds");
            }

            await pressure.StopAsync();
            foreach (var (port, s) in pressure.BySilo.OrderBy(p => p.Key))
            {
                output.WriteLine($"silo :{port}: {s.Calls} forced full collections, most GC pause time in one call {s.MaxPause.TotalMilliseconds:F0} ms, paused {s.TotalPause.TotalSeconds:F1} s in all");
            }

            Assert.Empty(pressure.Failures);
            Assert.All(silos, s => Assert.True(pressure.BySilo.GetValueOrDefault(s.SiloPort).Calls >= 3, $"silo :{s.SiloPort} was put under pressure"));
        }

        var soakEnd = failures.Clock.Elapsed;
        await load.StopAsync();
        var final = await Counters.SnapshotAsync(cluster.Client, keys, TimeSpan.FromSeconds(30), failures);
        var rows = await MembershipWatch.ReadAsync(database, CancellationToken.None);
        output.WriteLine($"soak {soakStart.TotalSeconds:F1}s..{soakEnd.TotalSeconds:F1}s; load average at start {loadAverageAtStart}, at end {LoadAverage()}");
        output.WriteLine($"{load.Acknowledged} increments acknowledged, {load.AcknowledgedBetween(soakStart, soakEnd)} during the soak, {load.RetriedAcknowledgedBetween(soakStart, soakEnd)} of them after a retry");
        output.WriteLine($"membership table read {watch.Reads} times; death votes seen: {(watch.Votes.Count == 0 ? "none" : string.Join("; ", watch.Votes.Select(v => $"{v.Key} (at {v.Value.TotalSeconds:F1}s)")))}");
        foreach (var line in failures.Describe())
        {
            output.WriteLine(line);
        }

        Assert.Empty(watch.NotActive);
        Assert.DoesNotContain(silos, s => s.HasExited);
        Assert.Equal(silos.Select(s => s.SiloPort).Order(), rows.Select(r => r.Port).Order());
        Assert.All(rows, r => Assert.Equal("Active", r.Status));
        Counters.AssertExactlyOnce(load.Expected(), final);
        Assert.True(load.AcknowledgedBetween(soakStart, soakEnd) > 100, "the load went on during the soak");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
