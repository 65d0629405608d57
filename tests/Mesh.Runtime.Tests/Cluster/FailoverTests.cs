using System.Collections.Concurrent;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class FailoverTests
{
    private const int Grains = 1_000;

    [Fact]
    public async Task Increments_SiloKilledAndSiloAddedUnderLoad_EveryAcknowledgedIncrementPresentExactlyOnce()
    {
        await using var cluster = await ClusterFixture.StartAsync(3);
        var acknowledged = new ConcurrentBag<(string Key, string Op)>();
        var failures = new ConcurrentBag<Exception>();

        var load = Task.WhenAll(Enumerable.Range(0, 3).Select(client => Task.Run(async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, Grains), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (g, _) =>
                {
                    var silos = cluster.Silos;
                    var silo = silos[(client + g) % silos.Count];
                    var key = "counter-" + g;
                    var op = $"c{client}-r{round}-g{g}";
                    try
                    {
                        await silo.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add(op);
                        acknowledged.Add((key, op));
                    }
                    catch (MeshRuntimeException exception)
                    {
                        failures.Add(exception);
                    }
                });
            }
        })));

        await Eventually.TrueAsync(() => acknowledged.Count >= 2_000 || load.IsCompleted, "load is running");
        await cluster.KillSiloAsync(cluster.Silos[1]);
        await Eventually.TrueAsync(() => acknowledged.Count >= 4_500 || load.IsCompleted, "load continued after the kill", TimeSpan.FromSeconds(60));
        await cluster.AddSiloAsync();
        await load.WaitAsync(TimeSpan.FromMinutes(3));
        await cluster.WaitForStableOwnershipAsync();

        var states = new Dictionary<string, ClusterCounterState>();
        foreach (var (silo, g) in cluster.Silos.SelectMany(s => Enumerable.Range(0, Grains).Select(g => (s, g))))
        {
            var state = await silo.GrainFactory.GetGrain<IClusterCounterGrain>("counter-" + g).Read();
            states.TryAdd("counter-" + g, state);
        }

        Assert.True(acknowledged.Count >= 8_000, $"most increments are acknowledged ({acknowledged.Count} of 9000; {failures.Count} failed)");
        foreach (var (key, op) in acknowledged)
        {
            Assert.Equal(1, states[key].Ops.Count(o => o == op));
        }

        foreach (var (key, state) in states)
        {
            Assert.Equal(state.Ops.Count, state.Ops.Distinct().Count());
            AssertSingleWriterAtATime(key, state.Writers);
        }
    }

    [Fact]
    public async Task Write_SiloPausedPastItsLease_IsFencedAfterAnotherSiloTookOver()
    {
        await using var cluster = await ClusterFixture.StartAsync(2);
        var paused = cluster.Silos[0];
        var survivor = cluster.Silos[1];
        var key = ClusterFixture.KeyOwnedBy(paused, "fenced-");
        var id = new GrainId("clustercounter", key);
        await paused.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("before-pause");

        await cluster.PauseSiloAsync(paused);
        await Eventually.TrueAsync(() => survivor.Owns(id), "the survivor took the paused silo's partition over");

        // The paused silo still believes it owns the grain and its activation's version still matches storage:
        // only the epoch fence stands between it and a lost update.
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => paused.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("from-paused-silo"));
        Assert.Contains("no longer current", error.Message);
        Assert.Equal(["before-pause"], (await survivor.GrainFactory.GetGrain<IClusterCounterGrain>(key).Read()).Ops);

        Assert.Equal(2, await survivor.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("after-takeover"));
        cluster.ResumeSilo(paused);
        await Eventually.TrueAsync(() => !paused.Owns(id), "the resumed silo noticed it lost the partition");
        await cluster.WaitForStableOwnershipAsync();
        Assert.Equal(3, await paused.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("after-resume"));
        Assert.Equal(["before-pause", "after-takeover", "after-resume"], (await survivor.GrainFactory.GetGrain<IClusterCounterGrain>(key).Read()).Ops);
    }

    [Fact]
    public async Task StopSilo_Graceful_ReleasesItsLeasesAtOnceAndOthersTakeOver()
    {
        await using var cluster = await ClusterFixture.StartAsync(3);
        var leaving = cluster.Silos[2];
        var key = ClusterFixture.KeyOwnedBy(leaving, "handoff-");
        await leaving.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("on-leaving-silo");

        await cluster.StopSiloAsync(leaving);
        var members = await cluster.Silos[0].Status.GetMembersAsync(CancellationToken.None);

        var gone = Assert.Single(members, m => m.SiloId == leaving.SiloId);
        Assert.Equal("dead", gone.Status);
        Assert.Equal(0, gone.Partitions);
        await cluster.WaitForStableOwnershipAsync();
        Assert.Equal(2, await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("after-handoff"));
    }

    [Fact]
    public async Task AddSilo_Join_MovesAboutOneNthOfThePartitions()
    {
        await using var cluster = await ClusterFixture.StartAsync(2);
        var before = await OwnersAsync(cluster);

        var joined = await cluster.AddSiloAsync();
        await Eventually.TrueAsync(() => Enumerable.Range(0, 1024).Count(joined.OwnsPartition) > 1024 / 3 * 0.7, "the existing silos handed the new silo its share");
        await cluster.WaitForStableOwnershipAsync();
        var after = await OwnersAsync(cluster);

        var moved = before.Keys.Count(p => before[p] != after[p]);
        var share = after.Values.Count(o => o == joined.SiloId);
        Assert.Equal(moved, share);
        Assert.InRange(share, 1024 / 3 * 0.7, 1024 / 3 * 1.3);
    }

    private static async Task<Dictionary<int, string>> OwnersAsync(TestCluster cluster)
    {
        await Task.Yield();
        var owners = new Dictionary<int, string>();
        foreach (var silo in cluster.Silos)
        {
            for (var p = 0; p < 1024; p++)
            {
                if (silo.OwnsPartition(p))
                {
                    owners[p] = silo.SiloId;
                }
            }
        }

        return owners;
    }

    /// <summary>Writes come in blocks per (silo, epoch); epochs only grow, and a writer never returns after another took over.</summary>
    private static void AssertSingleWriterAtATime(string key, List<string> writers)
    {
        var seen = new HashSet<string>();
        string? current = null;
        long lastEpoch = 0;
        foreach (var writer in writers)
        {
            if (writer == current)
            {
                continue;
            }

            Assert.True(seen.Add(writer), $"{key}: writer {writer} wrote again after another writer took over: {string.Join(", ", writers)}");
            var epoch = long.Parse(writer[(writer.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(epoch > lastEpoch, $"{key}: epoch went backwards at {writer}: {string.Join(", ", writers)}");
            lastEpoch = epoch;
            current = writer;
        }
    }
}
