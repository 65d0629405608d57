using Mesh.Diagnostics;
using Mesh.Grains.Tests.Infrastructure;

namespace Mesh.Grains.Tests.Diagnostics;

/// <summary>The operator's end-to-end check: each probe key activates on some silo and answers with where it runs.</summary>
[Collection(TwoSiloPostgreSqlCollection.Name)]
public sealed class ProbeGrainTests(TwoSiloPostgreSqlFixture fixture)
{
    [Fact]
    public async Task Ping_OneKey_AnswersWithItsKeyItsSiloAndTheSiloClock()
    {
        var key = Random.Shared.NextInt64(1, long.MaxValue);
        var sut = fixture.Client.GetGrain<IProbeGrain>(key);
        var before = TimeProvider.System.GetUtcNow();

        var reply = await sut.Ping();

        var after = TimeProvider.System.GetUtcNow();
        Assert.Equal(key, reply.Key);
        Assert.Contains(reply.Silo, fixture.Cluster.SiloAddresses());
        // The silos run on this machine: their clock is the test's.
        Assert.InRange(reply.AnsweredAt, before, after);
    }

    [Fact]
    public async Task Ping_ManyKeysOnTwoSilos_ReachesBothSilos()
    {
        // Random placement: all 200 on one silo has probability 2^-199.
        var keys = Enumerable.Range(0, 200).Select(_ => Random.Shared.NextInt64(1, long.MaxValue)).Distinct().ToList();

        var replies = await Task.WhenAll(keys.Select(key => fixture.Client.GetGrain<IProbeGrain>(key).Ping()));

        Assert.Equal(keys, replies.Select(reply => reply.Key));
        Assert.Equal(fixture.Cluster.SiloAddresses().Order(), replies.Select(reply => reply.Silo).Distinct().Order());
    }
}
