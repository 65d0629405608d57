using Mesh.Runtime.Persistence;
using Microsoft.Data.Sqlite;

namespace Mesh.Runtime.Sqlite;

/// <summary>Grain state in SQLite: JSON text with a version checked in the same statement as the write.</summary>
internal sealed class SqliteGrainStorage(SqliteDatabase database) : IGrainStorage
{
    public string ProviderName => "sqlite";

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) =>
        database.RunAsync(connection => Read(connection, key), cancellationToken);

    public Task<long> WriteAsync(GrainStateKey key, string json, long expectedVersion, WriteFence fence, CancellationToken cancellationToken)
    {
        RejectFence(fence);
        return database.RunAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = expectedVersion == 0
                    ? "INSERT INTO mesh_grain_state (grain_type, grain_key, state_name, version, payload, updated_at) VALUES ($t, $k, $n, 1, $p, datetime('now')) ON CONFLICT DO NOTHING"
                    : "UPDATE mesh_grain_state SET version = version + 1, payload = $p, updated_at = datetime('now') WHERE grain_type = $t AND grain_key = $k AND state_name = $n AND version = $v";
                AddKey(command, key);
                command.Parameters.AddWithValue("$p", json);
                command.Parameters.AddWithValue("$v", expectedVersion);
                if (command.ExecuteNonQuery() != 1)
                {
                    throw StateConflict.Version(key, expectedVersion, Read(connection, key)?.Version);
                }

                return expectedVersion + 1;
            },
            cancellationToken);
    }

    public Task<long> ClearAsync(GrainStateKey key, long expectedVersion, WriteFence fence, CancellationToken cancellationToken)
    {
        RejectFence(fence);
        return database.RunAsync(
            connection =>
            {
                var stored = Read(connection, key);
                if (expectedVersion == 0 && stored is null)
                {
                    return 0L;
                }

                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE mesh_grain_state SET version = version + 1, payload = NULL, updated_at = datetime('now') WHERE grain_type = $t AND grain_key = $k AND state_name = $n AND version = $v";
                AddKey(command, key);
                command.Parameters.AddWithValue("$v", expectedVersion);
                if (command.ExecuteNonQuery() != 1)
                {
                    throw StateConflict.Version(key, expectedVersion, stored?.Version);
                }

                return expectedVersion + 1;
            },
            cancellationToken);
    }

    private static StoredGrainState? Read(SqliteConnection connection, GrainStateKey key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM mesh_grain_state WHERE grain_type = $t AND grain_key = $k AND state_name = $n";
        AddKey(command, key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredGrainState(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(0)) : null;
    }

    private static void AddKey(SqliteCommand command, GrainStateKey key)
    {
        command.Parameters.AddWithValue("$t", key.GrainType);
        command.Parameters.AddWithValue("$k", key.GrainKey);
        command.Parameters.AddWithValue("$n", key.StateName);
    }

    private static void RejectFence(WriteFence fence)
    {
        if (fence.IsFenced)
        {
            throw new NotSupportedException("SQLite storage serves a single silo; a cluster needs PostgreSQL storage (Mesh:Storage:Provider=PostgreSql).");
        }
    }
}
