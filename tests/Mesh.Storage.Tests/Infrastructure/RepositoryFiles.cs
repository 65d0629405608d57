namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>Files of this repository, found from the test's output folder upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SchemaFolder(StorageProvider provider) =>
        Path.Combine(Root, "deploy", provider == StorageProvider.PostgreSql ? "postgres" : "sqlite");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "deploy", "postgres")) && File.Exists(Path.Combine(folder.FullName, "global.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (with deploy/postgres) above {AppContext.BaseDirectory}.");
    }
}
