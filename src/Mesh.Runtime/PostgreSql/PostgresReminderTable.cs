using Mesh.Runtime.Persistence;
using Mesh.Runtime.Reminders;
using Npgsql;

namespace Mesh.Runtime.PostgreSql;

/// <summary>Reminder rows in PostgreSQL; updates are fenced by the partition epoch.</summary>
internal sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ms, next_due";

    public async Task UpsertAsync(ReminderEntry entry, int partition, WriteFence fence, CancellationToken cancellationToken)
    {
        var written = await ExecuteAsync(
            $"INSERT INTO mesh_reminders ({Columns}, partition_id) SELECT @t, @k, @n, @s, @p, @d, @part WHERE {PostgresFence.Condition} " +
            "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET start_at = @s, period_ms = @p, next_due = @d, version = mesh_reminders.version + 1",
            command =>
            {
                AddKey(command, entry.GrainId, entry.Name);
                command.Parameters.AddWithValue("s", entry.StartAt.ToUniversalTime());
                command.Parameters.AddWithValue("p", (long)entry.Period.TotalMilliseconds);
                command.Parameters.AddWithValue("d", entry.NextDue.ToUniversalTime());
                command.Parameters.AddWithValue("part", partition);
                PostgresFence.AddParameters(command, fence);
            },
            cancellationToken);
        if (written != 1)
        {
            throw new InconsistentStateException($"Reminder {entry.Name} of {entry.GrainId} was not saved: the lease epoch {fence.Epoch} on partition {fence.Partition} is no longer current.", 0, null);
        }
    }

    public async Task<bool> DeleteAsync(GrainId grainId, string name, WriteFence fence, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"DELETE FROM mesh_reminders WHERE grain_type = @t AND grain_key = @k AND reminder_name = @n AND {PostgresFence.Condition}",
            command =>
            {
                AddKey(command, grainId, name);
                PostgresFence.AddParameters(command, fence);
            },
            cancellationToken) == 1;

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        var entries = await QueryAsync(
            $"SELECT {Columns} FROM mesh_reminders WHERE grain_type = @t AND grain_key = @k AND reminder_name = @n",
            command => AddKey(command, grainId, name),
            cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(IReadOnlyCollection<int>? partitions, CancellationToken cancellationToken) =>
        partitions is null
            ? QueryAsync($"SELECT {Columns} FROM mesh_reminders", static _ => { }, cancellationToken)
            : QueryAsync(
                $"SELECT {Columns} FROM mesh_reminders WHERE partition_id = ANY(@parts)",
                command => command.Parameters.AddWithValue("parts", partitions.ToArray()),
                cancellationToken);

    public async Task<bool> TryAdvanceAsync(GrainId grainId, string name, DateTimeOffset expectedNextDue, DateTimeOffset nextDue, WriteFence fence, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"UPDATE mesh_reminders SET next_due = @d, version = version + 1 WHERE grain_type = @t AND grain_key = @k AND reminder_name = @n AND next_due = @e AND {PostgresFence.Condition}",
            command =>
            {
                AddKey(command, grainId, name);
                command.Parameters.AddWithValue("d", nextDue.ToUniversalTime());
                command.Parameters.AddWithValue("e", expectedNextDue.ToUniversalTime());
                PostgresFence.AddParameters(command, fence);
            },
            cancellationToken) == 1;

    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw PostgresGrainStorage.Unavailable(exception);
        }
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<ReminderEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new ReminderEntry(
                    new GrainId(reader.GetString(0), reader.GetString(1)),
                    reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3),
                    TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }

            return entries;
        }
        catch (NpgsqlException exception)
        {
            throw PostgresGrainStorage.Unavailable(exception);
        }
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string name)
    {
        command.Parameters.AddWithValue("t", grainId.Type);
        command.Parameters.AddWithValue("k", grainId.Key);
        command.Parameters.AddWithValue("n", name);
    }
}
