using System.Diagnostics;
using Mesh.Testing;
using Mesh.Testing.ChainNode;
using Mesh.Testing.Scenarios;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// The shared-pool scenario end to end through HTTP on three silo processes on PostgreSQL, all on one
/// <see cref="SimulatedChainNode"/> in the test process, requests spread over the three silos' HTTP endpoints; one
/// silo is SIGKILLed while a batch of value-moving requests is in flight. Every request is then retried with its
/// idempotency key on the survivors: what was acknowledged comes back as it was, what was cut completes once, and
/// value is conserved to the base unit against the chain.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MeshClusterEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SharedPool_ThreeSilosOnPostgresOneKilledMidBatch_NothingLostNothingDuplicated()
    {
        var clock = Stopwatch.StartNew();
        await using var node = await SimulatedChainNode.StartAsync();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("e2e");
        await using var cluster = await SiloCluster.StartAsync(
            database,
            3,
            output,
            node.SiloSetting,
            "--Mesh:Api:IdempotencyLease=00:00:05",
            "--Mesh:Api:RateLimit:TokenLimit=100000",
            "--Mesh:Api:RateLimit:TokensPerPeriod=100000",
            "--Mesh:Api:RateLimit:AnonymousTokenLimit=100000",
            "--Mesh:Api:RateLimit:AnonymousTokensPerPeriod=100000");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: 3 silos up");
        var keyFile = Path.Combine(cluster.WorkingDirectory, "data", "operator.key");
        await Eventually.TrueAsync(() => File.Exists(keyFile), "a silo wrote the operator key", TimeSpan.FromSeconds(30));
        using var http = new MeshHttp([.. cluster.Silos.Select(s => s.BaseAddress)]);
        var victim = cluster.Silos[1];
        var sut = new SharedPoolScenario(http, node, (await File.ReadAllTextAsync(keyFile)).Trim(), output.WriteLine);

        var outcome = await sut.RunAsync(async () =>
        {
            await victim.KillAsync();
            http.MarkDown(victim.BaseAddress);
        });
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: done");

        Assert.True(victim.HasExited);
        Assert.Contains(outcome.Batch, a => a.AfterKill && a.Silo == victim.BaseAddress && a.Failure is not null);
        Assert.All(outcome.Batch.Where(a => a.Silo != victim.BaseAddress && a.Reply is { } r && !r.IsSuccess), a => Assert.True(a.Reply!.Status is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.ServiceUnavailable, a.Reply.ToString()));
        foreach (var b in sut.Borrowers)
        {
            Assert.True(outcome.AfterShock[b.Id].GetProperty("healthFactor").GetDouble() < outcome.BeforeShock[b.Id].GetProperty("healthFactor").GetDouble());
            Assert.Equal("raise", outcome.AfterShock[b.Id].GetProperty("need").GetProperty("direction").GetString());
        }
    }
}
