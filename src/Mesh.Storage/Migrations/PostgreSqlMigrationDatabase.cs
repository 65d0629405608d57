using System.Data.Common;
using Npgsql;

namespace Mesh.Storage.Migrations;

/// <summary>
/// Migrates PostgreSQL. The run holds a session-level advisory lock on its own (unpooled) connection, so silos
/// starting at once queue behind each other and each finds what the previous one applied; closing the connection
/// releases the lock, also when a silo dies mid-run. Each script's transaction begins after the lock is held, so
/// it sees every table the previous holder created.
/// </summary>
internal sealed class PostgreSqlMigrationDatabase : MigrationDatabase
{
    /// <summary>The advisory lock key: "MESH" in ASCII, shared by every Mesh migrator of a database.</summary>
    private const string LockSql = "SELECT pg_advisory_lock(1296389960)";

    private PostgreSqlMigrationDatabase(NpgsqlConnection connection)
        : base(connection)
    {
    }

    /// <inheritdoc />
    public override StorageProvider Provider => StorageProvider.PostgreSql;

    /// <inheritdoc />
    protected override string MigrationTableExistsSql =>
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'mesh_schema_migrations'";

    /// <summary>Opens a connection of its own and waits for the migration lock.</summary>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <param name="cancellationToken">Cancels the connection attempt or the wait.</param>
    /// <returns>The open database, holding the lock until disposed.</returns>
    public static async Task<MigrationDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var database = new PostgreSqlMigrationDatabase(connection);
            await using (var command = database.Command(LockSql, transaction: null))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return database;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<DbTransaction> BeginExclusiveAsync(CancellationToken cancellationToken) =>
        await Connection.BeginTransactionAsync(cancellationToken);
}
