using System.Diagnostics;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>PostgreSQL (membership, state, reminders) goes away under load and comes back: callers get errors, not silence or lies.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PostgresRestartedMidLoad_ClearErrorsThenResumesWithNothingLost()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var database = await postgres.CreateDatabaseAsync("outage");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        var keys = Counters.Keys("outage", 300);
        var failures = new CallFailures(Stopwatch.StartNew());
        // The shared counter: an operation whose write failed is undone and its activation retired, so a retry writes.
        var grains = CounterGrains.Counter;
        await using var load = IncrementLoad.Start(cluster.Client, keys, drivers: 8, attemptTimeout: TimeSpan.FromSeconds(10), giveUpAfter: TimeSpan.FromSeconds(120), failures, grains);
        await load.WaitForMoreAsync(1500, "the load is warm", TimeSpan.FromSeconds(60));

        var stoppingAt = failures.Clock.Elapsed;
        await postgres.StopAsync();
        var stoppedAt = failures.Clock.Elapsed;
        TimeSpan restartedAt;
        try
        {
            await Eventually.TrueAsync(
                () => failures.CountBetween(stoppedAt, failures.Clock.Elapsed) >= 50 && failures.Clock.Elapsed - stoppedAt > TimeSpan.FromSeconds(5),
                "callers see the outage for five seconds",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            // Also when the wait fails: the server's folder is removed on dispose only while it runs.
            restartedAt = failures.Clock.Elapsed;
            await postgres.StartAsync();
        }

        await load.WaitForMoreAsync(1500, "the cluster serves writes again without help", TimeSpan.FromSeconds(60));
        var resumedAt = failures.Clock.Elapsed;
        await load.StopAsync();
        var final = await Counters.SnapshotAsync(cluster.Client, keys, TimeSpan.FromSeconds(30), failures, grains);

        var duringOutage = failures.KindsBetween(stoppingAt, restartedAt);
        var acknowledgedWhileDown = load.AcknowledgedBetween(stoppedAt, restartedAt);
        output.WriteLine($"PostgreSQL stopping at {stoppingAt.TotalSeconds:F2}s, down at {stoppedAt.TotalSeconds:F2}s, started at {restartedAt.TotalSeconds:F2}s; 1500 more acknowledged by {resumedAt.TotalSeconds:F2}s");
        output.WriteLine($"{acknowledgedWhileDown} increments acknowledged while it was down, {load.RetriedAcknowledgedBetween(stoppedAt, restartedAt)} of them on a retry after a failed attempt");
        output.WriteLine($"{failures.CountBetween(stoppingAt, restartedAt)} failed attempts during the outage:");
        foreach (var line in failures.Describe())
        {
            output.WriteLine(line);
        }

        Counters.AssertExactlyOnce(load.Expected(), final);
        Assert.Equal(0, acknowledgedWhileDown);
        // Every failure reaches the caller naming the storage provider and the database error (Npgsql's exceptions are
        // serialized back to callers: "... during WriteStateAsync ... --> NpgsqlException: Failed to connect to ...").
        Assert.NotEmpty(duringOutage);
        Assert.All(duringOutage, kind => Assert.Matches("Error from storage provider .* --> (NpgsqlException|PostgresException): ", kind));
    }
}
