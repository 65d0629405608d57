namespace Mesh.Runtime.Hosting;

/// <summary>Storage settings (configuration section <c>Mesh:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Gets or sets the provider.</summary>
    /// <value>The default is <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Gets or sets the connection string; for SQLite, <see langword="null"/> means <c>Data Source={DataDirectory}/mesh.db</c>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConnectionString { get; set; }
}
