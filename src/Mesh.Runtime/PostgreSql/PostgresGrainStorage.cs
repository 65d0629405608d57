using Mesh.Runtime.Persistence;
using Npgsql;

namespace Mesh.Runtime.PostgreSql;

/// <summary>Grain state in PostgreSQL as jsonb; each write checks version and partition fence in one statement.</summary>
internal sealed class PostgresGrainStorage(NpgsqlDataSource dataSource) : IGrainStorage
{
    private const string Insert =
        "INSERT INTO mesh_grain_state (grain_type, grain_key, state_name, version, payload) " +
        "SELECT @t, @k, @n, 1, @p::jsonb WHERE " + PostgresFence.Condition + " " +
        "ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING RETURNING version";

    private const string Update =
        "UPDATE mesh_grain_state SET version = version + 1, payload = @p::jsonb, updated_at = now() " +
        "WHERE grain_type = @t AND grain_key = @k AND state_name = @n AND version = @v AND " + PostgresFence.Condition + " RETURNING version";

    private const string Clear =
        "UPDATE mesh_grain_state SET version = version + 1, payload = NULL, updated_at = now() " +
        "WHERE grain_type = @t AND grain_key = @k AND state_name = @n AND version = @v AND " + PostgresFence.Condition + " RETURNING version";

    public string ProviderName => "postgresql";

    public async Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await ReadAsync(connection, key, cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw Unavailable(exception);
        }
    }

    public Task<long> WriteAsync(GrainStateKey key, string json, long expectedVersion, WriteFence fence, CancellationToken cancellationToken) =>
        ExecuteWriteAsync(expectedVersion == 0 ? Insert : Update, key, json, expectedVersion, fence, cancellationToken);

    public async Task<long> ClearAsync(GrainStateKey key, long expectedVersion, WriteFence fence, CancellationToken cancellationToken)
    {
        if (expectedVersion == 0 && await ReadAsync(key, cancellationToken) is null)
        {
            return 0;
        }

        return await ExecuteWriteAsync(Clear, key, null, expectedVersion, fence, cancellationToken);
    }

    internal static SiloUnavailableException Unavailable(NpgsqlException exception) =>
        new($"Grain storage (PostgreSQL) is unavailable: {exception.Message}", exception);

    private static async Task<StoredGrainState?> ReadAsync(NpgsqlConnection connection, GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, payload::text FROM mesh_grain_state WHERE grain_type = @t AND grain_key = @k AND state_name = @n", connection);
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredGrainState(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(0))
            : null;
    }

    private async Task<long> ExecuteWriteAsync(string sql, GrainStateKey key, string? json, long expectedVersion, WriteFence fence, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(sql, connection))
            {
                AddKey(command, key);
                command.Parameters.AddWithValue("p", (object?)json ?? DBNull.Value);
                command.Parameters.AddWithValue("v", expectedVersion);
                PostgresFence.AddParameters(command, fence);
                if (await command.ExecuteScalarAsync(cancellationToken) is long version)
                {
                    return version;
                }
            }

            if (!await PostgresFence.IsCurrentAsync(connection, fence, cancellationToken))
            {
                throw StateConflict.Fenced(key, expectedVersion, fence);
            }

            throw StateConflict.Version(key, expectedVersion, (await ReadAsync(connection, key, cancellationToken))?.Version);
        }
        catch (NpgsqlException exception)
        {
            throw Unavailable(exception);
        }
    }

    private static void AddKey(NpgsqlCommand command, GrainStateKey key)
    {
        command.Parameters.AddWithValue("t", key.GrainType);
        command.Parameters.AddWithValue("k", key.GrainKey);
        command.Parameters.AddWithValue("n", key.StateName);
    }
}
