using System.Diagnostics;
using Mesh.TestGrains;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>Durable reminders survive the crash of the silo that hosts their grains: ticks go on elsewhere, never doubled.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReminderFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Two ticks of one reminder fired (due) closer than a period less this tolerance are a duplicate. A quarter period
    /// leaves room for timer jitter and for a new owner of the reminder's range computing its next due time. Delivery
    /// times may be closer: a tick held up while the grain is unreachable arrives late, and the next one on time.
    /// </summary>
    private static readonly TimeSpan DuplicateTolerance = Period / 4;

    [Fact]
    public async Task ReminderAcrossFailover_TicksOncePerPeriod()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("reminders");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        var failures = new CallFailures(Stopwatch.StartNew());

        // Twelve reminders: their grains and the ranges of the reminder table they fall in spread over the three silos.
        var grains = Enumerable.Range(0, 12).Select(i => cluster.Client.GetGrain<IFaultTickGrain>($"tick-{i}")).ToList();
        await Task.WhenAll(grains.Select(g => g.Start(Period)));
        await Eventually.TrueAsync(async () => (await Task.WhenAll(grains.Select(g => g.Ticks()))).All(t => t.Count >= 3), "every reminder ticks", TimeSpan.FromSeconds(60));
        var hosts = await Task.WhenAll(grains.Select(g => g.Silo()));
        var victim = hosts.GroupBy(h => h).MaxBy(g => g.Count())!.Key;
        var victimGrains = grains.Where((_, i) => hosts[i] == victim).ToList();

        var killedAt = TimeProvider.System.GetUtcNow();
        await cluster.ProcessOf(victim).KillAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return (await Task.WhenAll(grains.Select(g => g.Ticks().WaitAsync(TimeSpan.FromSeconds(2))))).All(t => t.Count(tick => tick.At > killedAt) >= 3);
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    failures.Record(exception);
                    return false;
                }
            },
            "every reminder ticks three times after the kill",
            TimeSpan.FromSeconds(90));
        var ticks = await Task.WhenAll(grains.Select(g => g.Ticks()));
        await Task.WhenAll(grains.Select(g => g.Stop()));

        var intervals = ticks.Select(t => t.Zip(t.Skip(1), (a, b) => b.Due - a.Due).ToList()).ToList();
        var gaps = ticks.Select(t => t.Zip(t.Skip(1), (a, b) => (a, b)).Where(p => p.b.At > killedAt).Max(p => p.b.At - (p.a.At > killedAt ? p.a.At : killedAt))).ToList();
        output.WriteLine($"killed {victim}, hosting {victimGrains.Count} of {grains.Count} reminder grains");
        for (var i = 0; i < grains.Count; i++)
        {
            output.WriteLine($"tick-{i} on :{SiloCluster.SiloPortOf(hosts[i])}{(hosts[i] == victim ? " (killed)" : string.Empty)}: {ticks[i].Count} ticks, "
                + $"due every {intervals[i].Min().TotalSeconds:F2}..{intervals[i].Max().TotalSeconds:F2} s, longest wait for a delivery after the kill {gaps[i].TotalSeconds:F2} s");
        }

        foreach (var line in failures.Describe())
        {
            output.WriteLine(line);
        }

        Assert.All(intervals.SelectMany(i => i), interval => Assert.True(interval >= Period - DuplicateTolerance, $"two ticks due {interval.TotalSeconds:F2} s apart: a duplicate"));
        Assert.All(ticks.SelectMany(t => t).Where(tick => tick.At > killedAt + TimeSpan.FromSeconds(1)), tick => Assert.NotEqual(victim, tick.Silo));
        Assert.All(gaps, gap => Assert.True(gap < TimeSpan.FromSeconds(60), $"a reminder went {gap.TotalSeconds:F2} s without a tick after the kill"));
    }
}
