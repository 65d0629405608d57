using System.Diagnostics;
using Mesh.TestGrains;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>A silo crashes (SIGKILL) and another joins while clients keep writing: nothing acknowledged is lost or doubled.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillOneSiloAndAddOne_UnderLoad_EveryAcknowledgedIncrementExactlyOnce()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("kill");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        var keys = Counters.Keys("kill", 1000);
        var failures = new CallFailures(Stopwatch.StartNew());
        await using var load = IncrementLoad.Start(cluster.Client, keys, drivers: 8, attemptTimeout: TimeSpan.FromSeconds(5), giveUpAfter: TimeSpan.FromSeconds(90), failures);
        await load.WaitForMoreAsync(1000, "the load is warm", TimeSpan.FromSeconds(60));

        var added = await cluster.AddSiloAsync();
        output.WriteLine($"{failures.Clock.Elapsed.TotalSeconds:F2}s: silo :{added.SiloPort} joined; {load.Acknowledged} acknowledged");
        await load.WaitForMoreAsync(500, "the load goes on after the join", TimeSpan.FromSeconds(30));

        var hosts = await Counters.SnapshotAsync(cluster.Client, keys, TimeSpan.FromSeconds(10), failures);
        var victim = hosts.Values.GroupBy(s => s.Silo).Where(g => cluster.ProcessOf(g.Key) != added).MaxBy(g => g.Count())!;
        var victimKeys = hosts.Where(h => h.Value.Silo == victim.Key).Select(h => h.Key).ToList();
        var killedAt = failures.Clock.Elapsed;
        await cluster.ProcessOf(victim.Key).KillAsync();
        var recovery = await Recovery.UntilServedElsewhereAsync(
            victimKeys.Take(50), async key => (await cluster.Client.GetGrain<ICounterGrain>(key).Get()).Silo, victim.Key, killedAt, TimeSpan.FromSeconds(60), failures);
        output.WriteLine($"{killedAt.TotalSeconds:F2}s: killed {victim.Key} (hosting {victimKeys.Count} grains); its grains answered from survivors after {Recovery.Summary(recovery)}");
        await load.WaitForMoreAsync(1000, "the load goes on after the kill", TimeSpan.FromSeconds(30));
        await load.StopAsync();

        var final = await Counters.SnapshotAsync(cluster.Client, keys, TimeSpan.FromSeconds(15), failures);
        output.WriteLine($"{failures.Clock.Elapsed.TotalSeconds:F2}s: {load.Acknowledged} increments acknowledged; grains per silo at the end: "
            + string.Join(", ", final.Values.GroupBy(s => s.Silo).Select(g => $":{SiloCluster.SiloPortOf(g.Key)} {g.Count()}")));
        foreach (var line in failures.Describe())
        {
            output.WriteLine(line);
        }

        Counters.AssertExactlyOnce(load.Expected(), final);
        Assert.Equal(keys.Count, final.Count);
        Assert.DoesNotContain(final.Values, s => s.Silo == victim.Key);
        Assert.Contains(final.Values, s => cluster.ProcessOf(s.Silo) == added);
        Assert.True(recovery.Max() < TimeSpan.FromSeconds(60), "the killed silo's grains answered again from survivors");
    }
}
