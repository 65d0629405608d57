using System.Data;
using System.Data.Common;
using Mesh.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Migrations;

/// <summary>
/// Migrates a SQLite file. Every transaction is <c>BEGIN IMMEDIATE</c>: it holds the file's write lock from the start,
/// so two processes (or two calls) cannot both decide that a script is missing.
/// </summary>
internal sealed class SqliteMigrationDatabase : MigrationDatabase
{
    private SqliteMigrationDatabase(SqliteConnection connection)
        : base(connection)
    {
    }

    /// <inheritdoc />
    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <inheritdoc />
    protected override string MigrationTableExistsSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'mesh_schema_migrations'";

    /// <summary>Opens the file (creating it), in write-ahead-log mode.</summary>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open database.</returns>
    public static async Task<MigrationDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await SqliteConnections.OpenAsync(connectionString, cancellationToken);
        return new SqliteMigrationDatabase(connection);
    }

    /// <inheritdoc />
    public override Task<DbTransaction> BeginExclusiveAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DbTransaction transaction = ((SqliteConnection)Connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return Task.FromResult(transaction);
    }
}
