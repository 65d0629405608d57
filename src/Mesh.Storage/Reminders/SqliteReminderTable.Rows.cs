using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Mesh.Storage.Sqlite;

namespace Mesh.Storage.Reminders;

/// <summary>Commands, parameters and the mapping between rows and <see cref="ReminderEntry"/>.</summary>
internal sealed partial class SqliteReminderTable
{
    /// <summary>UTC with every tick, sortable and readable: <c>2026-03-12T08:30:00.0000000Z</c>.</summary>
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static string FormatTime(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Only the constant SQL of this class is passed.")]
    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "serviceId", _serviceId);
        return command;
    }

    private async Task<List<ReminderEntry>> ReadAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql);
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = ParseTime(reader.GetString(2)),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        if (dataSource is SqliteStorageDataSource sqlite)
        {
            // Through the file's one writer, in the same group commits as grain state.
            return await sqlite.Writer.WriteAsync((connection, transaction) =>
            {
                using var command = Command(connection, sql);
                command.Transaction = transaction;
                parameters(command);
                return command.ExecuteNonQuery();
            }, cancellationToken);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql);
        parameters(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddGrain(DbCommand command, GrainId grainId) => Add(command, "grainId", grainId.ToString());

    private static void AddReminder(DbCommand command, GrainId grainId, string reminderName)
    {
        AddGrain(command, grainId);
        Add(command, "reminderName", reminderName);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
