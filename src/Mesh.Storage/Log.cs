using Microsoft.Extensions.Logging;

namespace Mesh.Storage;

/// <summary>The log messages of Mesh.Storage. Event ids: 3000–3019 schema migration, 3020–3039 reminders.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Schema {Provider}: applying {Script}")]
    public static partial void ApplyingScript(ILogger logger, StorageProvider provider, string script);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Schema {Provider}: applied {Script} in {ElapsedMs} ms")]
    public static partial void AppliedScript(ILogger logger, StorageProvider provider, string script, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Schema {Provider}: {Script} already applied")]
    public static partial void AlreadyApplied(ILogger logger, StorageProvider provider, string script);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Schema {Provider}: the database has {Script} (version {Version}), which this build does not know; a newer Mesh applied it")]
    public static partial void UnknownScript(ILogger logger, StorageProvider provider, string script, int version);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Schema {Provider}: up to date, {Applied} script(s) applied now")]
    public static partial void UpToDate(ILogger logger, StorageProvider provider, int applied);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "SQLite reminder table: upserted {GrainId}/{ReminderName}, ETag {ETag}")]
    public static partial void ReminderUpserted(ILogger logger, GrainId grainId, string reminderName, string eTag);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Debug, Message = "SQLite reminder table: removing {GrainId}/{ReminderName} with ETag {ETag}: {Removed}")]
    public static partial void ReminderRemoved(ILogger logger, GrainId grainId, string reminderName, string eTag, bool removed);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Debug, Message = "SQLite reminder table: range ({Begin:X8}, {End:X8}] has {Count} reminder(s)")]
    public static partial void ReminderRangeRead(ILogger logger, uint begin, uint end, int count);
}
