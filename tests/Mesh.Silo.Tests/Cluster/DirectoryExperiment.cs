using System.Diagnostics;
using Mesh.TestGrains;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Hammers activation probes on a three-silo cluster while killing a silo (and starting a replacement) several times;
/// counts keys that two activations served at once, and measures how long the killed silo's grains took to answer again.
/// </summary>
internal static class DirectoryExperiment
{
    public static async Task<DirectoryExperimentResult> RunAsync(ITestOutputHelper output, int kills, params string[] settings)
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("directory");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output, settings);
        var keys = Counters.Keys("probe", 200);
        var failures = new CallFailures(Stopwatch.StartNew());
        await using var hammer = ActivationHammer.Start(cluster.Client, keys, drivers: 12, relays: 12, failures);
        var recoveries = new List<TimeSpan[]>();
        var lost = new HashSet<string>();
        await hammer.WaitForMoreAsync(2000, "the probes answer", TimeSpan.FromSeconds(60));
        for (var kill = 0; kill < kills; kill++)
        {
            var hosts = hammer.Answers.Where(a => !lost.Contains(a.Silo)).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Received)!.Silo);
            var victim = hosts.Values.GroupBy(s => s).MaxBy(g => g.Count())!.Key;
            var victimKeys = hosts.Where(h => h.Value == victim).Select(h => h.Key).ToList();
            var killedAt = failures.Clock.Elapsed;
            await cluster.ProcessOf(victim).KillAsync();
            lost.Add(victim);
            var recovery = await Recovery.UntilServedElsewhereAsync(
                victimKeys.Take(40), async key => (await cluster.Client.GetGrain<IActivationProbeGrain>(key).Where()).Silo, victim, killedAt, TimeSpan.FromSeconds(90), failures);
            recoveries.Add(recovery);
            output.WriteLine($"{killedAt.TotalSeconds:F2}s: killed {victim} (hosting {victimKeys.Count} probes); they answered from survivors after {Recovery.Summary(recovery)}");
            var replacement = await cluster.AddSiloAsync();
            output.WriteLine($"{failures.Clock.Elapsed.TotalSeconds:F2}s: replacement silo :{replacement.SiloPort} joined");
            await hammer.WaitForMoreAsync(2000, "the probes answer after the kill", TimeSpan.FromSeconds(60));
        }

        await hammer.StopAsync();
        var answers = hammer.Answers.ToList();
        var result = new DirectoryExperimentResult(DuplicateActivations.Find(answers), DuplicateActivations.MovedOffLiveSilos(answers, lost), recoveries, answers.Count);
        output.WriteLine($"{answers.Count} answers; {result.Duplicates.Count} key(s) served by two activations at once; {result.MovedOffLiveSilos.Count} key(s) whose activation changed on a live silo");
        foreach (var (key, (first, second)) in result.Duplicates.Take(10))
        {
            output.WriteLine($"  duplicate {key}: {first} and {second}");
        }

        foreach (var line in failures.Describe())
        {
            output.WriteLine(line);
        }

        return result;
    }
}
