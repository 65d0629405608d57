namespace Mesh.Storage;

/// <summary>Storage settings (configuration section <c>Mesh:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Gets or sets the storage provider; it also picks the mode (SQLite: single node, PostgreSQL: cluster).</summary>
    /// <value>The default is <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Gets or sets the connection string; required for PostgreSQL.</summary>
    /// <value>The default is empty: for SQLite, <c>Data Source=&lt;DataDirectory&gt;/mesh.db</c>.</value>
    public string? ConnectionString { get; set; }
}
