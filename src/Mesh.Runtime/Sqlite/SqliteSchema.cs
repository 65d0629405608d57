namespace Mesh.Runtime.Sqlite;

/// <summary>The SQLite schema, by version. Versions only ever append.</summary>
internal static class SqliteSchema
{
    public const string Component = "mesh.runtime";

    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE mesh_grain_state (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version    INTEGER NOT NULL,
            payload    TEXT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;
        CREATE TABLE mesh_reminders (
            grain_type    TEXT NOT NULL,
            grain_key     TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            partition_id  INTEGER NOT NULL,
            start_at_ms   INTEGER NOT NULL,
            period_ms     INTEGER NOT NULL CHECK (period_ms > 0),
            next_due_ms   INTEGER NOT NULL,
            version       INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (grain_type, grain_key, reminder_name)
        ) WITHOUT ROWID;
        """,
    ];
}
