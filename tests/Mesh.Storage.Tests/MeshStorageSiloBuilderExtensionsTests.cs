using Mesh.Storage.Tests.Grains;
using Mesh.Storage.Tests.Infrastructure;
using Mesh.Testing;
using Orleans.Storage;

namespace Mesh.Storage.Tests;

/// <summary>
/// Orleans' ADO.NET grain storage, as the storage extensions register it (JSON serializer, grain-id wrapper), driven
/// through the real provider objects of a running silo against each database.
/// </summary>
[Collection(StorageSilosCollection.Name)]
public sealed class MeshStorageSiloBuilderExtensionsTests(StorageSilos silos)
{
    private const string StateName = "vault";

    public static TheoryData<StorageProvider> Providers => StorageSilos.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReadStateAsync_NeverWritten_NoRecordAndNoETag(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var state = States.Empty<VaultState>();

        await sut.ReadStateAsync(StateName, States.NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Balance);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_FirstWrite_StoresVersionOneAndReadsBack(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var grain = States.NewGrainId();
        var state = States.With(new VaultState { Owner = "aave", Balance = 42, Chains = ["a", "b"] }, eTag: null);

        await sut.WriteStateAsync(StateName, grain, state);
        var read = States.Empty<VaultState>();
        await sut.ReadStateAsync(StateName, grain, read);

        Assert.Equal("1", state.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.Equal(("aave", 42L), (read.State!.Owner, read.State.Balance));
        Assert.Equal(["a", "b"], read.State.Chains);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateAndKeepsTheNewerState(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var grain = States.NewGrainId();
        var first = States.With(new VaultState { Balance = 1 }, eTag: null);
        var second = States.With(new VaultState { Balance = 2 }, eTag: null);
        await sut.WriteStateAsync(StateName, grain, first);
        await sut.WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => sut.WriteStateAsync(StateName, grain, second));
        second.ETag = "1";
        await Assert.ThrowsAsync<InconsistentStateException>(() => sut.WriteStateAsync(StateName, grain, second));

        var read = States.Empty<VaultState>();
        await sut.ReadStateAsync(StateName, grain, read);
        Assert.Equal(("2", 1L), (read.ETag, read.State!.Balance));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_ManyFirstWritesAtOnce_ExactlyOneSucceeds(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var grain = States.NewGrainId();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await sut.WriteStateAsync(StateName, grain, States.With(new VaultState { Balance = i }, eTag: null));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, succeeded => succeeded);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ClearStateAsync_CurrentETag_KeepsTheRowWithANewVersionThatTheNextWriteNeeds(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var grain = States.NewGrainId();
        var state = States.With(new VaultState { Balance = 5 }, eTag: null);
        await sut.WriteStateAsync(StateName, grain, state);

        await sut.ClearStateAsync(StateName, grain, state);

        Assert.Equal(("2", false, 0L), (state.ETag, state.RecordExists, state.State!.Balance));
        var read = States.Empty<VaultState>();
        await sut.ReadStateAsync(StateName, grain, read);
        Assert.Equal(("2", false), (read.ETag, read.RecordExists));
        await Assert.ThrowsAsync<InconsistentStateException>(() => sut.WriteStateAsync(StateName, grain, States.With(new VaultState(), eTag: null)));
        read.State!.Balance = 6;
        await sut.WriteStateAsync(StateName, grain, read);
        Assert.Equal("3", read.ETag);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ClearStateAsync_StaleETag_ThrowsInconsistentState(StorageProvider provider)
    {
        var sut = silos.Storage(provider);
        var grain = States.NewGrainId();
        var state = States.With(new VaultState { Balance = 5 }, eTag: null);
        await sut.WriteStateAsync(StateName, grain, state);
        var stale = States.With(new VaultState(), state.ETag);
        await sut.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => sut.ClearStateAsync(StateName, grain, stale));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ClearStateAsync_DeleteStateOnClear_RemovesTheRowAndStartsOverAtVersionOne(StorageProvider provider)
    {
        var sut = silos.Named(provider, "deleting");
        var grain = States.NewGrainId();
        var state = States.With(new VaultState { Balance = 5 }, eTag: null);
        await sut.WriteStateAsync(StateName, grain, state);
        var stale = States.With(new VaultState(), state.ETag);
        await sut.WriteStateAsync(StateName, grain, state);
        await Assert.ThrowsAsync<InconsistentStateException>(() => sut.ClearStateAsync(StateName, grain, stale));

        await sut.ClearStateAsync(StateName, grain, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, Convert.ToInt64(await silos.Database(provider).ScalarAsync("SELECT count(*) FROM mesh_grain_state WHERE grain_key = @k", ("k", grain.Key.ToString()))));
        await sut.WriteStateAsync(StateName, grain, state);
        Assert.Equal("1", state.ETag);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_Grain_OperatorReadsTheStateAsJson(StorageProvider provider)
    {
        var grain = States.NewGrainId("vault");
        await silos.Storage(provider).WriteStateAsync(StateName, grain, States.With(new VaultState { Owner = "aave", Balance = 7, Chains = ["x"] }, eTag: null));
        var database = silos.Database(provider);
        var select = provider == StorageProvider.PostgreSql
            ? "SELECT payload->>'owner' || ':' || (payload->>'balance') || ':' || (payload->'chains'->>0) FROM mesh_grain_state WHERE state_name = @s AND grain_key = @k"
            : "SELECT json_extract(payload, '$.owner') || ':' || json_extract(payload, '$.balance') || ':' || json_extract(payload, '$.chains[0]') FROM mesh_grain_state WHERE state_name = @s AND grain_key = @k";

        var read = await database.ScalarAsync(select, ("s", StateName), ("k", grain.ToString()));

        Assert.Equal("aave:7:x", read);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Grain_WithStateAndReminder_PersistsAndTheReminderFires(StorageProvider provider)
    {
        var grain = silos.Silo(provider).Grains.GetGrain<ILedgerGrain>("alice-" + provider);
        Assert.Equal(10, await grain.Deposit(10));

        await grain.Arm(TimeSpan.FromMilliseconds(200));

        await Eventually.TrueAsync(async () => await grain.Ticks() >= 1, "the reminder fired and the grain wrote its state");
        var database = silos.Database(provider);
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM mesh_reminders WHERE grain_id = @g", ("g", "ledger/alice-" + provider))));
        var balance = provider == StorageProvider.PostgreSql
            ? "SELECT (payload->>'balance')::bigint FROM mesh_grain_state WHERE state_name = 'ledger' AND grain_key = @g"
            : "SELECT json_extract(payload, '$.balance') FROM mesh_grain_state WHERE state_name = 'ledger' AND grain_key = @g";
        Assert.Equal(10L, Convert.ToInt64(await database.ScalarAsync(balance, ("g", "ledger/alice-" + provider))));
    }
}
