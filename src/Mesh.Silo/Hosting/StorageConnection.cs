using Mesh.Storage;

namespace Mesh.Silo.Hosting;

/// <summary>The connection string a silo uses: the configured one, or the SQLite file in its (locked) data folder.</summary>
internal static class StorageConnection
{
    public const string SqliteFileName = "mesh.db";

    public static string Resolve(MeshOptions options, DataDirectoryLock? folder)
    {
        if (!string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            return options.Storage.ConnectionString;
        }

        return options.Storage.Provider == StorageProvider.Sqlite && folder is not null
            ? $"Data Source={Path.Combine(folder.Directory, SqliteFileName)}"
            : throw new SiloConfigurationException("Mesh:Storage:ConnectionString: is required when Mesh:Storage:Provider is PostgreSql.");
    }
}
