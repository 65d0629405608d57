using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class ClusterReminderTests
{
    [Fact]
    public async Task Reminder_OwnerKilled_EachTickFiresOnceAcrossTheClusterAndTicksContinueOnTheNewOwner()
    {
        var log = new LifecycleLog();
        await using var cluster = await ClusterFixture.StartAsync(3, sharedLog: log);
        var owner = cluster.Silos[0];
        string key;
        for (var i = 0; ; i++)
        {
            if (owner.Owns(new GrainId("ticking", "settlement-" + i)))
            {
                key = "settlement-" + i;
                break;
            }
        }

        await cluster.Silos[2].GrainFactory.GetGrain<ITickingGrain>(key).StartReminder("settle", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => log.For(key).Count >= 3, "the reminder ticks on its owner");
        await cluster.KillSiloAsync(owner);
        var atKill = log.For(key).Count;
        await Eventually.TrueAsync(() => log.For(key).Count >= atKill + 3, "the reminder ticks again on the silo that took the partition over", TimeSpan.FromSeconds(30));

        var ticks = log.For(key);
        Assert.Equal(ticks.Count, ticks.Distinct().Count());
        Assert.Equal(ticks.Order(StringComparer.Ordinal), ticks);
    }
}
