using Mesh.Storage.Sqlite;
using Mesh.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Tests.Sqlite;

[Collection(StorageSilosCollection.Name)]
public sealed class SqliteStorageDataSourceTests(StorageSilos silos)
{
    [Fact]
    public async Task OpenConnectionAsync_NewFile_UsesWriteAheadLogAndABusyTimeout()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, migrate: false);
        var sut = new SqliteStorageDataSource(database.ConnectionString);

        await using var connection = await sut.OpenConnectionAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(10000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
        Assert.Equal(30, new SqliteConnectionStringBuilder(sut.ConnectionString).DefaultTimeout);
    }

    [Fact]
    public async Task WriteStateAsync_WhileAnotherConnectionHoldsTheWriteLock_WaitsAndSucceeds()
    {
        var storage = silos.Storage(StorageProvider.Sqlite);
        await using var blocker = new SqliteConnection(silos.Database(StorageProvider.Sqlite).ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = blocker.BeginTransaction(deferred: false);
        var grain = States.NewGrainId();

        var write = Task.Run(() => storage.WriteStateAsync("vault", grain, States.With(new VaultState { Balance = 1 }, eTag: null)));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var waited = !write.IsCompleted;
        await transaction.CommitAsync();
        await write;

        Assert.True(waited, "the write should wait for the other connection's write lock");
        var read = States.Empty<VaultState>();
        await storage.ReadStateAsync("vault", grain, read);
        Assert.Equal(("1", 1L), (read.ETag, read.State!.Balance));
    }

    [Fact]
    public async Task WriteStateAsync_ManyGrainsAtOnce_AllSucceed()
    {
        var storage = silos.Storage(StorageProvider.Sqlite);
        var grains = Enumerable.Range(0, 48).Select(_ => States.NewGrainId()).ToList();

        await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            var state = States.With(new VaultState { Balance = 1 }, eTag: null);
            for (var i = 0; i < 5; i++)
            {
                state.State!.Balance++;
                await storage.WriteStateAsync("vault", grain, state);
            }
        })));

        var read = States.Empty<VaultState>();
        await storage.ReadStateAsync("vault", grains[^1], read);
        Assert.Equal(("5", 6L), (read.ETag, read.State!.Balance));
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
