using System.Diagnostics;
using Mesh.Runtime.Diagnostics;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class ClusterCallTests
{
    [Fact]
    public async Task Call_FromAnySilo_RunsOnTheSingleOwnerAndSharesState()
    {
        await using var cluster = await ClusterFixture.StartAsync(3);
        var owner = cluster.Silos[1];
        var key = ClusterFixture.KeyOwnedBy(owner, "shared-");

        var counts = new List<int>();
        foreach (var silo in cluster.Silos)
        {
            counts.Add(await silo.GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("from-" + silo.SiloId));
        }

        Assert.Equal([1, 2, 3], counts);
        foreach (var silo in cluster.Silos)
        {
            Assert.Equal(owner.SiloId, await silo.GrainFactory.GetGrain<IClusterCounterGrain>(key).Host());
        }
    }

    [Fact]
    public async Task Call_RemoteGrainThrows_CallerGetsSameTypeAndMessage()
    {
        await using var cluster = await ClusterFixture.StartAsync(2);
        var remote = cluster.Silos[1];
        var key = KeyOwnedBy<IFaultyGrain>(remote, "faulty");

        var error = await Assert.ThrowsAsync<InsufficientCollateralException>(() => cluster.Silos[0].GrainFactory.GetGrain<IFaultyGrain>(key).Throw("short by 7 WETH"));

        Assert.Equal("short by 7 WETH", error.Message);
        Assert.Equal(9, await cluster.Silos[0].GrainFactory.GetGrain<IFaultyGrain>(key).AddValue(4, 5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Call_GrainCodeFailsWithNestedNotOwner_IsNotRetriedSoItsEffectsApplyOnce(int callerIndex)
    {
        await using var cluster = await ClusterFixture.StartAsync(2);
        var key = ClusterFixture.KeyOwnedBy(cluster.Silos[1], "nested-");
        var caller = cluster.Silos[callerIndex].GrainFactory.GetGrain<IClusterCounterGrain>(key);

        var error = await Assert.ThrowsAsync<NotOwnerException>(() => caller.AddThenFailLikeANestedCall("once"));

        Assert.Equal("a nested call found no owner", error.Message);
        Assert.Equal(["once"], (await caller.Read()).Ops);
    }

    [Fact]
    public async Task Call_RemoteArgumentException_KeepsTypeAndMessage()
    {
        await using var cluster = await ClusterFixture.StartAsync(2);
        var key = KeyOwnedBy<IFaultyGrain>(cluster.Silos[1], "argument");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cluster.Silos[0].GrainFactory.GetGrain<IFaultyGrain>(key).ThrowAfterAwait("amount must be positive"));

        Assert.Contains("amount must be positive", error.Message);
    }

    [Fact]
    public async Task Call_CycleAcrossSilos_FailsFastNamingTheCycle()
    {
        await using var cluster = await ClusterFixture.StartAsync(2);
        var a = KeyOwnedBy<IPingPongGrain>(cluster.Silos[0], "ping");
        var b = KeyOwnedBy<IPingPongGrain>(cluster.Silos[1], "pong");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => cluster.Silos[0].GrainFactory.GetGrain<IPingPongGrain>(a).PingVia(b).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal([$"pingpong/{a}.IPingPongGrain.PingVia", $"pingpong/{b}.IPingPongGrain.PongBack", $"pingpong/{a}.IPingPongGrain.Echo"], error.Cycle);
    }

    [Fact]
    public async Task Call_AcrossSilos_TraceContextFlowsToTheRemoteServerSpan()
    {
        using var collector = new SpanCollector(InstrumentNames.SourceName);
        var spans = collector.Spans;
        await using var cluster = await ClusterFixture.StartAsync(2);
        var key = ClusterFixture.KeyOwnedBy(cluster.Silos[1], "traced-");
        using var root = new Activity("router-request").SetIdFormat(ActivityIdFormat.W3C).Start();

        await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("t");
        root.Stop();

        var client = Assert.Single(spans, s => s.TraceId == root.TraceId && s.Kind == ActivityKind.Client);
        var server = Assert.Single(spans, s => s.TraceId == root.TraceId && s.Kind == ActivityKind.Server);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Equal($"clustercounter/{key}", server.GetTagItem(InstrumentNames.GrainIdTag));
    }

    private static string KeyOwnedBy<TGrain>(TestSilo silo, string prefix)
    {
        var type = typeof(TGrain) == typeof(IFaultyGrain) ? "faulty" : "pingpong";
        for (var i = 0; ; i++)
        {
            var key = prefix + i;
            if (silo.Owns(new GrainId(type, key)))
            {
                return key;
            }
        }
    }
}

[CollectionDefinition(nameof(ClusterCollection), DisableParallelization = true)]
public sealed class ClusterCollection
{
}
