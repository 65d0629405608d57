using Mesh.Chains.Evm.Signing;
using Mesh.Storage;
using Mesh.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>
/// A fresh database on the shared throwaway PostgreSQL server with the Mesh schema applied (as a silo applies it),
/// holding the EVM transaction store that several "silos" share; dropped when disposed.
/// </summary>
internal sealed class SharedStoreDatabase : IAsyncDisposable
{
    private readonly List<PostgreSqlTransactionStore> _stores = [];

    private SharedStoreDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<SharedStoreDatabase> CreateAsync()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("evm");
        await SchemaMigrator.ApplyAsync(StorageProvider.PostgreSql, connectionString, CancellationToken.None);
        return new SharedStoreDatabase(connectionString);
    }

    /// <summary>
    /// A store as one silo process has it: its own connection pool and its own in-process locks, so that two of them
    /// meet only in PostgreSQL.
    /// </summary>
    public PostgreSqlTransactionStore NewStore()
    {
        var store = new PostgreSqlTransactionStore(ConnectionString, new SigningLocks(), PostgreSqlTransactionStore.DefaultLockIdleLimit, NullLogger.Instance);
        _stores.Add(store);
        return store;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
