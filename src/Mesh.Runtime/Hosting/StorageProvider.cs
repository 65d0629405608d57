namespace Mesh.Runtime.Hosting;

/// <summary>Where a silo keeps grain state and reminders.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: a single silo, no server to run.</summary>
    Sqlite,

    /// <summary>PostgreSQL: required for a cluster.</summary>
    PostgreSql,
}
