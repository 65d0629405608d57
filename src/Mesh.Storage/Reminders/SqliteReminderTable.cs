using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Mesh.Storage.Reminders;

/// <summary>
/// Durable reminders in the single node's SQLite file (table <c>mesh_reminders</c>, created by
/// <c>deploy/sqlite/003_reminders.sql</c>), scoped by service id. Every upsert gives the row a new GUID ETag;
/// removing a reminder names the ETag it holds and removes nothing if the row changed since.
/// </summary>
internal sealed partial class SqliteReminderTable(DbDataSource dataSource, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteReminderTable> logger) : IReminderTable
{
    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, TableExistsSql);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidOperationException(
                "The SQLite file has no mesh_reminders table: apply the schema (SchemaMigrator.ApplyAsync with StorageProvider.Sqlite) before starting the silo.");
        }
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await ReadAsync(ReadGrainSql, c => AddGrain(c, grainId), cancellationToken));

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        // Orleans' ring range (begin, end]: inside when begin < end, wrapping past zero otherwise; begin = end is the whole ring.
        var rows = await ReadAsync(begin < end ? ReadRangeSql : ReadWrappingRangeSql, c =>
        {
            Add(c, "begin", (long)begin);
            Add(c, "end", (long)end);
        }, cancellationToken);
        Log.ReminderRangeRead(logger, begin, end, rows.Count);
        return new ReminderTableData(rows);
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(ReadOneSql, c => AddReminder(c, grainId, reminderName), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = Guid.NewGuid().ToString("N");
        await ExecuteAsync(UpsertSql, c =>
        {
            AddReminder(c, entry.GrainId, entry.ReminderName);
            Add(c, "grainHash", (long)entry.GrainId.GetUniformHashCode());
            Add(c, "startTime", FormatTime(entry.StartAt));
            Add(c, "periodMs", (long)entry.Period.TotalMilliseconds);
            Add(c, "eTag", eTag);
        }, cancellationToken);
        Log.ReminderUpserted(logger, entry.GrainId, entry.ReminderName, eTag);
        return eTag;
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var removed = await ExecuteAsync(RemoveSql, c =>
        {
            AddReminder(c, grainId, reminderName);
            Add(c, "eTag", eTag);
        }, cancellationToken) > 0;
        Log.ReminderRemoved(logger, grainId, reminderName, eTag, removed);
        return removed;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public Task TestOnlyClearTable(CancellationToken cancellationToken) => ExecuteAsync(ClearSql, _ => { }, cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
