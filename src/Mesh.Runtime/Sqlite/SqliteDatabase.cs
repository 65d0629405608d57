using Mesh.Runtime.Persistence;
using Mesh.Runtime.Reminders;
using Microsoft.Data.Sqlite;

namespace Mesh.Runtime.Sqlite;

/// <summary>
/// The single-node embedded database: one SQLite file in WAL mode with full fsync. SQLite has one writer at a time,
/// so all access goes through one connection behind an async gate.
/// </summary>
internal sealed class SqliteDatabase : IRuntimeDatabase
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;

    public SqliteDatabase(string connectionString)
    {
        SQLitePCL.Batteries_V2.Init();
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(builder.ConnectionString);
        GrainStorage = new SqliteGrainStorage(this);
        Reminders = new SqliteReminderTable(this);
    }

    public string ProviderName => "sqlite";

    public IGrainStorage GrainStorage { get; }

    public IReminderTable Reminders { get; }

    public async Task<(int From, int To)> MigrateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                _connection.Open();
                Execute(_connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
            }

            return Migrate(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static (int From, int To) Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TABLE IF NOT EXISTS mesh_schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL, applied_at TEXT NOT NULL);", transaction);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM mesh_schema_version WHERE component = $c";
        read.Parameters.AddWithValue("$c", SqliteSchema.Component);
        var from = read.ExecuteScalar() is long v ? (int)v : 0;
        if (from > SqliteSchema.Migrations.Count)
        {
            throw new InvalidOperationException($"The SQLite database {connection.DataSource} has schema version {from}, newer than this build's {SqliteSchema.Migrations.Count}; upgrade Mesh.");
        }

        for (var version = from + 1; version <= SqliteSchema.Migrations.Count; version++)
        {
            Execute(connection, SqliteSchema.Migrations[version - 1], transaction);
        }

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT INTO mesh_schema_version (component, version, applied_at) VALUES ($c, $v, datetime('now')) ON CONFLICT (component) DO UPDATE SET version = $v, applied_at = datetime('now')";
        write.Parameters.AddWithValue("$c", SqliteSchema.Component);
        write.Parameters.AddWithValue("$v", SqliteSchema.Migrations.Count);
        write.ExecuteNonQuery();
        transaction.Commit();
        return (from, SqliteSchema.Migrations.Count);
    }

    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                throw new SiloUnavailableException("The SQLite database is not open; the silo has not started or has stopped.");
            }

            return work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
