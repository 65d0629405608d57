using Mesh.Storage;
using Mesh.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>
/// A fresh database with the project's schema: a new database on the shared throwaway PostgreSQL server, or a SQLite
/// file in a new temporary folder. Disposing drops the database or deletes the folder, also after a failed test.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;

    private TestDatabase(StorageProvider provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates a database and applies the schema.</summary>
    /// <param name="provider">PostgreSQL or SQLite.</param>
    /// <param name="sqliteFolder">Where the SQLite file's temporary folder goes; the default is the system's temporary folder.</param>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, string? sqliteFolder = null)
    {
        var database = provider == StorageProvider.PostgreSql
            ? new TestDatabase(provider, await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("grains"), null)
            : CreateSqlite(sqliteFolder ?? Path.GetTempPath());
        try
        {
            await SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == StorageProvider.PostgreSql)
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var name = builder.Database!;
            NpgsqlConnection.ClearAllPools();
            builder.Database = "postgres";
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder!, recursive: true);
        }
    }

    private static TestDatabase CreateSqlite(string parent)
    {
        var folder = Path.Combine(parent, "mesh-grains-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return new TestDatabase(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "mesh.db")}", folder);
    }
}
