using System.Globalization;
using System.Runtime.InteropServices;
using Mesh.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Mesh.Storage.Persistence;

/// <summary>
/// Grain state in the single node's SQLite file: the rows, queries and ETag rules of Orleans' ADO.NET grain storage
/// (the queries are the <c>OrleansQuery</c> rows of <c>deploy/sqlite/002_grain_state.sql</c>, the ETag is the row's
/// version), with every write going through the file's <see cref="SqliteWriteQueue"/>, so that concurrent writes
/// share one commit instead of sleeping on SQLite's lock. A write completes once committed; reads run on pooled
/// connections beside the writer (write-ahead logging).
/// </summary>
/// <remarks>Registered wrapped in <see cref="GrainIdScopedStorage"/>, which hands it string-keyed ids: the key is the row's <c>grain_key</c>.</remarks>
internal sealed class SqliteGrainStorage(SqliteStorageDataSource dataSource, IGrainStorageSerializer serializer, IActivatorProvider activators, string serviceId) : IGrainStorage
{
    private Task<SqliteGrainQueries>? _queries;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var queries = await QueriesAsync(cancellationToken);
        await using var connection = (SqliteConnection)await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, queries.Read, stateName, grainId, version: null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        T? state = default;
        string? eTag = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            if (!await reader.IsDBNullAsync(0, cancellationToken))
            {
                state = serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(0)));
            }

            eTag = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        }

        grainState.RecordExists = state is not null;
        grainState.State = state ?? activators.GetActivator<T>().Create();
        grainState.ETag = eTag;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var queries = await QueriesAsync(cancellationToken);
        var payload = Bytes(serializer.Serialize(grainState.State));
        var version = Version(grainState.ETag);
        var written = await dataSource.Writer.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, queries.Write, stateName, grainId, version);
            command.Parameters.AddWithValue("@PayloadBinary", payload);
            return FirstVersion(command);
        }, cancellationToken);
        grainState.ETag = written?.ToString(CultureInfo.InvariantCulture) ?? throw Conflict("WriteState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var queries = await QueriesAsync(cancellationToken);
        var version = Version(grainState.ETag);
        var cleared = await dataSource.Writer.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, queries.Clear, stateName, grainId, version);
            return FirstVersion(command);
        }, cancellationToken);
        grainState.ETag = cleared?.ToString(CultureInfo.InvariantCulture) ?? throw Conflict("ClearState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    /// <summary>The serialized state's bytes, without copying them when they are one whole array (as <see cref="JsonGrainStorageSerializer"/> makes).</summary>
    private static byte[] Bytes(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : data.ToArray();

    private static long? Version(string? eTag) =>
        string.IsNullOrWhiteSpace(eTag) ? null : long.Parse(eTag, CultureInfo.InvariantCulture);

    /// <summary>The first value any statement of the command returns (the new version), or null when none returns a row.</summary>
    private static long? FirstVersion(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        do
        {
            if (reader.Read())
            {
                return reader.GetInt64(0);
            }
        }
        while (reader.NextResult());
        return null;
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string stateName, GrainId grainId, long? version)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@ServiceId", serviceId);
        command.Parameters.AddWithValue("@GrainTypeString", stateName);
        command.Parameters.AddWithValue("@GrainIdExtensionString", grainId.Key.ToString());
        command.Parameters.AddWithValue("@GrainIdN0", 0L);
        command.Parameters.AddWithValue("@GrainIdN1", 0L);
        command.Parameters.AddWithValue("@GrainStateVersion", version is { } v ? v : DBNull.Value);
        return command;
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? eTag) =>
        new($"Version conflict ({operation}): ServiceId={serviceId} GrainType={stateName} GrainId={grainId} ETag={eTag}.");

    private Task<SqliteGrainQueries> QueriesAsync(CancellationToken cancellationToken)
    {
        var queries = _queries;
        if (queries is null || queries.IsFaulted || queries.IsCanceled)
        {
            queries = SqliteGrainQueries.ReadAsync(dataSource, cancellationToken);
            _queries = queries;
        }

        return queries;
    }
}
