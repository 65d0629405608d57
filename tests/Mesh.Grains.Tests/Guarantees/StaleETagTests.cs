using Mesh.Grains.Tests.Infrastructure;
using Mesh.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Mesh.Grains.Tests.Guarantees;

/// <summary>
/// A stale activation cannot overwrite newer state: when the stored row changed behind an activation's back (as
/// when a duplicate activation wrote during a membership change), its next write fails with
/// <see cref="InconsistentStateException"/> instead, the caller receives that exception, Orleans deactivates the stale
/// activation, and the next activation reads the newer state.
/// </summary>
[Collection(TwoSiloPostgreSqlCollection.Name)]
public sealed class StaleETagTests(TwoSiloPostgreSqlFixture fixture)
{
    /// <summary>The grain's state name (<c>[PersistentState("counter")]</c>) and Mesh's default storage provider.</summary>
    private const string StateName = "counter";

    private const string StorageName = "Default";

    [Fact]
    public async Task Add_StoredStateChangedBehindTheActivation_ThrowsInconsistentStateException()
    {
        var key = "etag-" + Guid.NewGuid().ToString("N");
        var sut = fixture.Client.GetGrain<ICounterGrain>(key);
        await sut.Add(Guid.NewGuid(), 1);
        var host = (await sut.Get()).Silo;

        await WriteThroughOtherSiloAsync(host, sut.GetGrainId(), state => state.Value = 100);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => sut.Add(Guid.NewGuid(), 1));
        // "Version conflict (WriteState): ServiceId=... ProviderName=Default GrainType=counter GrainId=counter/etag-...
        // ETag=1. ...": the activation still held version 1; the row is at 2.
        Assert.StartsWith("Version conflict (WriteState): ", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"GrainId=counter/{key} ETag=1.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterStaleWriteFailed_NextActivationReadsNewerState()
    {
        var sut = fixture.Client.GetGrain<ICounterGrain>("etag-" + Guid.NewGuid().ToString("N"));
        await sut.Add(Guid.NewGuid(), 1);
        var host = (await sut.Get()).Silo;
        var written = Guid.NewGuid();
        await WriteThroughOtherSiloAsync(host, sut.GetGrainId(), state =>
        {
            state.Value = 100;
            state.Applied.Add(written);
        });
        await Assert.ThrowsAsync<InconsistentStateException>(() => sut.Add(Guid.NewGuid(), 1));

        var snapshot = await sut.Get();

        // The newer row: not the stale activation's in-memory value (2), nor its rejected increment on top (101).
        Assert.Equal(100, snapshot.Value);
        Assert.Equal(2, snapshot.Operations);
        // And it carries on from there: the operation written behind its back counts as applied.
        Assert.Equal(100, await sut.Add(written, 1));
        Assert.Equal(101, await sut.Add(Guid.NewGuid(), 1));
    }

    /// <summary>Reads the grain's row through the storage provider of the silo that does not host it, changes it, and writes it back.</summary>
    private async Task WriteThroughOtherSiloAsync(string host, GrainId grainId, Action<CounterState> change)
    {
        var other = fixture.Cluster.SiloAddresses().Single(address => address != host);
        var storage = fixture.Cluster.Services(other).GetRequiredKeyedService<IGrainStorage>(StorageName);
        var state = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, grainId, state);
        Assert.True(state.RecordExists, "The grain's state was not found through the other silo's storage provider.");
        change(state.State!);
        await storage.WriteStateAsync(StateName, grainId, state);
    }
}
