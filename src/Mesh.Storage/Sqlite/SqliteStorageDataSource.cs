using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Sqlite;

/// <summary>
/// The connections Orleans' ADO.NET grain storage and the SQLite reminder table open: each one with a busy timeout,
/// the file switched to write-ahead logging on first use (see <see cref="SqliteConnections"/>); and the one
/// <see cref="Writer"/> through which Mesh's own grain storage and reminder table write the file.
/// </summary>
internal sealed class SqliteStorageDataSource : DbDataSource
{
    private int _writeAheadLogEnsured;

    public SqliteStorageDataSource(string connectionString)
    {
        ConnectionString = SqliteConnections.Normalize(connectionString);
        Writer = new SqliteWriteQueue(ConnectionString);
    }

    /// <inheritdoc />
    public override string ConnectionString { get; }

    /// <summary>Gets the queue every write of this file goes through (group commit; see <see cref="SqliteWriteQueue"/>).</summary>
    public SqliteWriteQueue Writer { get; }

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);

    /// <inheritdoc />
    protected override DbConnection OpenDbConnection() => OpenDbConnectionAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await SqliteConnections.OpenWithBusyTimeoutAsync(ConnectionString, cancellationToken);
        try
        {
            if (Volatile.Read(ref _writeAheadLogEnsured) == 0)
            {
                await SqliteConnections.EnsureWriteAheadLogAsync(connection, cancellationToken);
                Volatile.Write(ref _writeAheadLogEnsured, 1);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
