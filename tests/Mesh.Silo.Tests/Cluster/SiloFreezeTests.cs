using System.Diagnostics;
using Mesh.TestGrains;
using Mesh.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// A silo stops (SIGSTOP: a long GC pause, a stalled VM) with its sockets open, is declared dead, and wakes up again
/// holding stale activations: it must not overwrite the state its grains have since written elsewhere, and it leaves.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFreezeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FrozenSiloResumedAfterDeclaredDead_CannotOverwriteNewerState()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("freeze");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        var failures = new CallFailures(Stopwatch.StartNew());
        var keys = Counters.Keys("freeze", 300);
        await using var warm = IncrementLoad.Start(cluster.Client, keys, drivers: 8, attemptTimeout: TimeSpan.FromSeconds(5), giveUpAfter: TimeSpan.FromSeconds(30), failures);
        await warm.WaitForMoreAsync(1500, "every grain has state", TimeSpan.FromSeconds(60));
        await warm.StopAsync();
        var hosts = await Counters.SnapshotAsync(cluster.Client, keys, TimeSpan.FromSeconds(10), failures);
        var victim = hosts.Values.GroupBy(s => s.Silo).MaxBy(g => g.Count())!.Key;
        var frozen = cluster.ProcessOf(victim);
        var survivor = cluster.Silos.First(s => s != frozen);
        var victimKeys = hosts.Where(h => h.Value.Silo == victim).Select(h => h.Key).ToList();

        // The frozen silo's grains keep being written: by their stale activations until it stops, then elsewhere.
        await using var load = IncrementLoad.Start(cluster.Client, victimKeys, drivers: 8, attemptTimeout: TimeSpan.FromSeconds(1), giveUpAfter: TimeSpan.FromSeconds(90), failures);
        await load.WaitForMoreAsync(500, "the load on the victim's grains is warm", TimeSpan.FromSeconds(30));
        // Recovery is measured through a survivor's gateway: a client keeps sending to a frozen gateway (its socket is
        // open) until its gateway list refresh drops it, which is the client's setting, not the cluster's.
        await using var pinned = await OrleansTestClient.ConnectLocalhostAsync(survivor.GatewayPort);
        var frozenAt = failures.Clock.Elapsed;
        frozen.Freeze();
        var recovery = await Recovery.UntilServedElsewhereAsync(
            victimKeys.Take(40), async key => (await pinned.Client.GetGrain<ICounterGrain>(key).Get()).Silo, victim, frozenAt, TimeSpan.FromSeconds(90), failures);
        output.WriteLine($"{frozenAt.TotalSeconds:F2}s: froze {victim} (hosting {victimKeys.Count} grains); through a survivor's gateway they answered from survivors after {Recovery.Summary(recovery)}");
        await Eventually.TrueAsync(async () => (await cluster.MembershipAsync(survivor)).GetValueOrDefault(frozen.SiloPort) == "Dead", "the frozen silo is declared dead", TimeSpan.FromSeconds(60));
        var declaredAt = failures.Clock.Elapsed;
        await load.WaitForMoreAsync(200, "its grains are written on survivors", TimeSpan.FromSeconds(60));

        var resumedAt = failures.Clock.Elapsed;
        frozen.Resume();
        await Eventually.TrueAsync(() => frozen.HasExited, "the resumed silo, declared dead, stops by itself", TimeSpan.FromSeconds(60));
        var exitedAt = failures.Clock.Elapsed;
        await load.WaitForMoreAsync(300, "the load goes on after the resumed silo left", TimeSpan.FromSeconds(30));
        await load.StopAsync();

        var final = await Counters.SnapshotAsync(cluster.Client, keys, TimeSpan.FromSeconds(30), failures);
        var stored = await StoredCountersAsync(database);
        var leaving = frozen.Output.Split('\n').Where(l => l.Contains("Dead", StringComparison.Ordinal) || l.Contains("FATAL", StringComparison.Ordinal)).Select(l => l.Trim()).Take(3).ToList();
        output.WriteLine($"declared dead at {declaredAt.TotalSeconds:F2}s, resumed at {resumedAt.TotalSeconds:F2}s, exited at {exitedAt.TotalSeconds:F2}s; {load.Acknowledged} increments acknowledged on its grains");
        output.WriteLine("the resumed silo said: " + string.Join(" | ", leaving.Select(l => l.Length > 250 ? l[..250] + "..." : l)));
        output.WriteLine($"writes it attempted after waking that storage refused (ETag): {frozen.Output.Split('\n').Count(l => l.Contains("InconsistentStateException", StringComparison.Ordinal))} log lines");
        foreach (var line in failures.Describe())
        {
            output.WriteLine(line);
        }

        var expected = MergedExpectation(warm.Expected(), load.Expected());
        Counters.AssertExactlyOnce(expected, final);
        Counters.AssertExactlyOnce(expected, stored);
        Assert.DoesNotContain(final.Values, s => s.Silo == victim);
        Assert.NotEmpty(leaving);
        Assert.True(recovery.Max() < TimeSpan.FromSeconds(90), "the frozen silo's grains answered again from survivors");
    }

    /// <summary>The counters as PostgreSQL holds them (what a fresh activation would read), not as a live activation remembers them.</summary>
    private static async Task<IReadOnlyDictionary<string, CounterSnapshot>> StoredCountersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT grain_key, (payload->>'value')::bigint, jsonb_array_length(payload->'applied') FROM mesh_grain_state WHERE grain_key LIKE 'counter/%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new Dictionary<string, CounterSnapshot>();
        while (await reader.ReadAsync())
        {
            counters[reader.GetString(0)["counter/".Length..]] = new CounterSnapshot(reader.GetInt64(1), reader.GetInt32(2), "postgresql");
        }

        return counters;
    }

    private static Dictionary<string, (long Sum, int Count)> MergedExpectation(params IReadOnlyDictionary<string, (long Sum, int Count)>[] parts) =>
        parts.SelectMany(p => p).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (g.Sum(p => p.Value.Sum), g.Sum(p => p.Value.Count)));
}
