using Mesh.Runtime.Persistence;
using Mesh.Runtime.Reminders;
using Microsoft.Data.Sqlite;

namespace Mesh.Runtime.Sqlite;

/// <summary>Reminder rows in SQLite; times are Unix milliseconds.</summary>
internal sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at_ms, period_ms, next_due_ms";

    public Task UpsertAsync(ReminderEntry entry, int partition, WriteFence fence, CancellationToken cancellationToken) =>
        database.RunAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"INSERT INTO mesh_reminders ({Columns}, partition_id) VALUES ($t, $k, $n, $s, $p, $d, $part) ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET start_at_ms = $s, period_ms = $p, next_due_ms = $d, version = version + 1";
                AddKey(command, entry.GrainId, entry.Name);
                command.Parameters.AddWithValue("$s", entry.StartAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$p", (long)entry.Period.TotalMilliseconds);
                command.Parameters.AddWithValue("$d", entry.NextDue.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$part", partition);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<bool> DeleteAsync(GrainId grainId, string name, WriteFence fence, CancellationToken cancellationToken) =>
        database.RunAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM mesh_reminders WHERE grain_type = $t AND grain_key = $k AND reminder_name = $n";
                AddKey(command, grainId, name);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        database.RunAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM mesh_reminders WHERE grain_type = $t AND grain_key = $k AND reminder_name = $n";
                AddKey(command, grainId, name);
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadEntry(reader) : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(IReadOnlyCollection<int>? partitions, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ReminderEntry>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns}, partition_id FROM mesh_reminders";
                using var reader = command.ExecuteReader();
                var entries = new List<ReminderEntry>();
                while (reader.Read())
                {
                    if (partitions is null || partitions.Contains(reader.GetInt32(6)))
                    {
                        entries.Add(ReadEntry(reader));
                    }
                }

                return entries;
            },
            cancellationToken);

    public Task<bool> TryAdvanceAsync(GrainId grainId, string name, DateTimeOffset expectedNextDue, DateTimeOffset nextDue, WriteFence fence, CancellationToken cancellationToken) =>
        database.RunAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE mesh_reminders SET next_due_ms = $d, version = version + 1 WHERE grain_type = $t AND grain_key = $k AND reminder_name = $n AND next_due_ms = $e";
                AddKey(command, grainId, name);
                command.Parameters.AddWithValue("$d", nextDue.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$e", expectedNextDue.ToUnixTimeMilliseconds());
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    private static ReminderEntry ReadEntry(SqliteDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    private static void AddKey(SqliteCommand command, GrainId grainId, string name)
    {
        command.Parameters.AddWithValue("$t", grainId.Type);
        command.Parameters.AddWithValue("$k", grainId.Key);
        command.Parameters.AddWithValue("$n", name);
    }
}
