using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Sqlite;

/// <summary>
/// The connections Orleans' ADO.NET grain storage and the SQLite reminder table open: each one with a busy timeout,
/// the file switched to write-ahead logging on first use (see <see cref="SqliteConnections"/>).
/// </summary>
internal sealed class SqliteStorageDataSource(string connectionString) : DbDataSource
{
    private int _writeAheadLogEnsured;

    /// <inheritdoc />
    public override string ConnectionString { get; } = SqliteConnections.Normalize(connectionString);

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
