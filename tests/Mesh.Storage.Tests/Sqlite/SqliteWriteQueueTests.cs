using Mesh.Storage.Sqlite;
using Mesh.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Tests.Sqlite;

public sealed class SqliteWriteQueueTests
{
    [Fact]
    public async Task WriteAsync_ManyAtOnceAndOneFails_TheOthersCommitAndTheFailedOneLeavesNothing()
    {
        await using var database = await CreateAsync();
        var sut = new SqliteWriteQueue(SqliteConnections.Normalize(database.ConnectionString));

        var writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => sut.WriteAsync((connection, transaction) =>
        {
            Insert(connection, transaction, i);
            if (i == 17)
            {
                throw new InvalidOperationException("refused");
            }

            return i;
        }, CancellationToken.None))).ToList();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[17]);
        var written = await Task.WhenAll(writes.Where((_, i) => i != 17));

        Assert.Equal("refused", failure.Message);
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i != 17), written.Order());
        Assert.Equal(39L, await database.ScalarAsync("SELECT count(*) FROM t"));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM t WHERE id = 17"));
    }

    [Fact]
    public async Task WriteAsync_AnotherConnectionHoldsTheWriteLock_WaitsForItAndCommits()
    {
        await using var database = await CreateAsync();
        var sut = new SqliteWriteQueue(SqliteConnections.Normalize(database.ConnectionString));
        await using var blocker = new SqliteConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = blocker.BeginTransaction(deferred: false);

        var write = sut.WriteAsync((c, t) => Insert(c, t, 1), CancellationToken.None);
        var waited = await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(300))) != write;
        await transaction.CommitAsync();
        await write;

        Assert.True(waited, "the write waits for the other connection's transaction");
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task WriteAsync_CanceledBeforeItRuns_IsCanceledAndNotWritten()
    {
        await using var database = await CreateAsync();
        var sut = new SqliteWriteQueue(SqliteConnections.Normalize(database.ConnectionString));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.WriteAsync((c, t) => Insert(c, t, 1), cancel.Token));

        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM t"));
    }

    private static async Task<TestDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await database.ScalarAsync("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        return database;
    }

    private static int Insert(SqliteConnection connection, SqliteTransaction transaction, int id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO t (id) VALUES (@id)";
        command.Parameters.AddWithValue("@id", id);
        return command.ExecuteNonQuery();
    }
}
