namespace Mesh.Storage.Reminders;

/// <summary>The SQL of the SQLite reminder table; every statement is scoped by <c>@serviceId</c>.</summary>
internal sealed partial class SqliteReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_time, period_ms, etag";

    private const string TableExistsSql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'mesh_reminders'";

    private const string ReadGrainSql = "SELECT " + Columns + " FROM mesh_reminders WHERE service_id = @serviceId AND grain_id = @grainId";

    private const string ReadOneSql = ReadGrainSql + " AND reminder_name = @reminderName";

    private const string ReadRangeSql =
        "SELECT " + Columns + " FROM mesh_reminders WHERE service_id = @serviceId AND grain_hash > @begin AND grain_hash <= @end";

    private const string ReadWrappingRangeSql =
        "SELECT " + Columns + " FROM mesh_reminders WHERE service_id = @serviceId AND (grain_hash > @begin OR grain_hash <= @end)";

    private const string UpsertSql = """
        INSERT INTO mesh_reminders (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, etag)
        VALUES (@serviceId, @grainId, @reminderName, @grainHash, @startTime, @periodMs, @eTag)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET grain_hash = excluded.grain_hash, start_time = excluded.start_time, period_ms = excluded.period_ms, etag = excluded.etag
        """;

    private const string RemoveSql =
        "DELETE FROM mesh_reminders WHERE service_id = @serviceId AND grain_id = @grainId AND reminder_name = @reminderName AND etag = @eTag";

    private const string ClearSql = "DELETE FROM mesh_reminders WHERE service_id = @serviceId";
}
