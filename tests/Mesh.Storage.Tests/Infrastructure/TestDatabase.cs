using Mesh.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider: a new database on the shared throwaway PostgreSQL server, or a SQLite
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

    /// <summary>Gets the SQLite file's path (SQLite only).</summary>
    public string FilePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        var database = provider switch
        {
            StorageProvider.PostgreSql => new TestDatabase(provider, await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("storage"), null),
            _ => CreateSqlite(),
        };
        if (migrate)
        {
            await SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None);
        }

        return database;
    }

    /// <summary>Runs one statement and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    public System.Data.Common.DbConnection Open() => Provider == StorageProvider.PostgreSql
        ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

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

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mesh-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return new TestDatabase(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "mesh.db")}", folder);
    }
}
