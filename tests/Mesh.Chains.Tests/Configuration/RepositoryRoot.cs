namespace Mesh.Chains.Tests.Configuration;

/// <summary>Finds the repository root: the nearest folder above the test binaries that contains Mesh.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mesh.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing Mesh.sln above {AppContext.BaseDirectory}.");
    }
}
