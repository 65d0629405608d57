using Mesh.Storage.Persistence;
using Mesh.Storage.Tests.Infrastructure;
using Orleans.Storage;

namespace Mesh.Storage.Tests.Persistence;

/// <summary>
/// Why the default storage wraps the ADO.NET provider: the plain provider keys rows by the grain's key alone; the
/// wrapped one by the whole grain id. The plain provider also checks the integer/GUID key columns of the queries.
/// </summary>
[Collection(StorageSilosCollection.Name)]
public sealed class GrainIdScopedStorageTests(StorageSilos silos)
{
    private const string StateName = "state";

    public static TheoryData<StorageProvider> Providers => StorageSilos.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_TwoGrainTypesWithTheSameKey_KeepSeparateRows(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var key = "eth-" + Guid.NewGuid().ToString("N")[..8];

        await sut.WriteStateAsync(StateName, GrainId.Create("oracle", key), States.With(new VaultState { Owner = "oracle" }, eTag: null));
        await sut.WriteStateAsync(StateName, GrainId.Create("pool", key), States.With(new VaultState { Owner = "pool" }, eTag: null));

        Assert.Equal("oracle", await ReadOwnerAsync(sut, GrainId.Create("oracle", key)));
        Assert.Equal("pool", await ReadOwnerAsync(sut, GrainId.Create("pool", key)));
        Assert.Equal("oracle/" + key, await silos.Database(provider).ScalarAsync("SELECT grain_key FROM mesh_grain_state WHERE grain_key LIKE @k", ("k", "oracle/%" + key)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_PlainProviderTwoGrainTypesWithTheSameKey_ShareARow(StorageProvider provider)
    {
        var sut = silos.Named(provider, "raw");
        var key = "eth-" + Guid.NewGuid().ToString("N")[..8];
        await sut.WriteStateAsync(StateName, GrainId.Create("oracle", key), States.With(new VaultState { Owner = "oracle" }, eTag: null));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            sut.WriteStateAsync(StateName, GrainId.Create("pool", key), States.With(new VaultState { Owner = "pool" }, eTag: null)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_StringKeysThatReadAsTheSameHexNumber_KeepSeparateRows(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var type = "hex" + Guid.NewGuid().ToString("N")[..6];
        string[] keys = ["0a", "A", "00a", "a+b"];

        foreach (var key in keys)
        {
            await sut.WriteStateAsync(StateName, GrainId.Create(type, key), States.With(new VaultState { Owner = key }, eTag: null));
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, await ReadOwnerAsync(sut, GrainId.Create(type, key)));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_PlainProviderGuidAndIntegerKeys_UseTheKeyColumnsOfTheQueries(StorageProvider provider)
    {
        var sut = silos.Named(provider, "raw");
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        GrainId[] grains =
        [
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateIntegerKey(number)),
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateIntegerKey(number, "ext")),
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateIntegerKey(-number)),
        ];

        foreach (var grain in grains)
        {
            await sut.WriteStateAsync(StateName, grain, States.With(new VaultState { Owner = grain.ToString() }, eTag: null));
        }

        foreach (var grain in grains)
        {
            Assert.Equal(grain.ToString(), await ReadOwnerAsync(sut, grain));
        }

        Assert.Equal(1L, Convert.ToInt64(await silos.Database(provider).ScalarAsync(
            "SELECT count(*) FROM mesh_grain_state WHERE grain_key = '' AND grain_id_n0 = 0 AND grain_id_n1 = @n", ("n", number))));
    }

    [Fact]
    public void StorageId_AnyGrain_NeverReadsAsAnIntegerOrGuidKey()
    {
        GrainId[] grains =
        [
            GrainId.Create("cafe", "1"),
            GrainId.Create("f", "+1"),
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
            GrainId.Create(GrainType.Create("g"), GrainIdKeyExtensions.CreateIntegerKey(17)),
        ];

        foreach (var grain in grains)
        {
            var sut = GrainIdScopedStorage.StorageId(grain);

            Assert.False(sut.TryGetIntegerKey(out _, out _));
            Assert.False(sut.TryGetGuidKey(out _, out _));
            Assert.Equal(grain.ToString(), sut.Key.ToString());
        }
    }

    private static async Task<string> ReadOwnerAsync(IGrainStorage storage, GrainId grain)
    {
        var state = States.Empty<VaultState>();
        await storage.ReadStateAsync(StateName, grain, state);
        return state.State!.Owner;
    }
}
