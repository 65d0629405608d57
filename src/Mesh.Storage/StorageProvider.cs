namespace Mesh.Storage;

/// <summary>Where a silo keeps grain state, reminders and (for a cluster) membership.</summary>
public enum StorageProvider
{
    /// <summary>A single node: grain state and reminders in one SQLite file under the data folder.</summary>
    Sqlite,

    /// <summary>A cluster: membership, grain state and reminders in one PostgreSQL database.</summary>
    PostgreSql,
}
