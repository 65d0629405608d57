using Mesh.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Persistence;

/// <summary>The grain-state queries of a SQLite file, as its <c>OrleansQuery</c> table holds them (what Orleans' ADO.NET provider reads too).</summary>
/// <param name="Read">ReadFromStorageKey.</param>
/// <param name="Write">WriteToStorageKey.</param>
/// <param name="Clear">ClearStorageKey.</param>
internal sealed record SqliteGrainQueries(string Read, string Write, string Clear)
{
    public static async Task<SqliteGrainQueries> ReadAsync(SqliteStorageDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryKey, QueryText FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey', 'WriteToStorageKey', 'ClearStorageKey')";
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                queries[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return new SqliteGrainQueries(Query("ReadFromStorageKey"), Query("WriteToStorageKey"), Query("ClearStorageKey"));

        string Query(string key) => queries.TryGetValue(key, out var text)
            ? text
            : throw new InvalidOperationException($"The SQLite file has no OrleansQuery row '{key}': apply the schema (SchemaMigrator.ApplyAsync with StorageProvider.Sqlite) before starting the silo.");
    }
}
