namespace Mesh.Silo.Tests.Deployment;

public class DockerComposeTests
{
    private static readonly string[] ExpectedServices = ["postgres", "silo1", "silo2", "silo3"];

    [Fact]
    public async Task Config_RepositoryComposeFile_IsValidAndDefinesPostgresAndThreeSilos()
    {
        var composeFile = Path.Combine(FindRepositoryRoot(), "docker-compose.yml");

        var (exitCode, stdout, stderr) = await DockerComposeCli.ConfigAsync(composeFile);

        Assert.True(exitCode == 0, $"docker-compose config exited with {exitCode}:\n{stderr}");
        Assert.Equal(ExpectedServices, ServiceNames(stdout));
        Assert.Contains("condition: service_healthy", stdout, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8081:8080", stdout, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8083:8080", stdout, StringComparison.Ordinal);
        Assert.Contains("Mesh__Cluster__AdvertisedHost: silo2", stdout, StringComparison.Ordinal);
        Assert.Contains("chains.json:/app/chains.json:ro", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_BrokenComposeFile_ExitsWithError()
    {
        var original = await File.ReadAllTextAsync(Path.Combine(FindRepositoryRoot(), "docker-compose.yml"));
        var broken = original.Replace("<<: *silo\n", "<<: *no-such-anchor\n", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        var directory = Directory.CreateTempSubdirectory("mesh-compose-");
        try
        {
            var composeFile = Path.Combine(directory.FullName, "docker-compose.yml");
            await File.WriteAllTextAsync(composeFile, broken);

            var (exitCode, _, stderr) = await DockerComposeCli.ConfigAsync(composeFile);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("no-such-anchor", stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The keys directly under the top-level <c>services:</c> key of a resolved compose file, sorted.</summary>
    private static string[] ServiceNames(string resolvedYaml)
    {
        var names = new List<string>();
        var inServices = false;
        foreach (var line in resolvedYaml.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inServices = line.TrimEnd() == "services:";
            }
            else if (inServices && line.StartsWith("  ", StringComparison.Ordinal) && !char.IsWhiteSpace(line[2])
                && line.TrimEnd().EndsWith(':'))
            {
                names.Add(line.Trim().TrimEnd(':'));
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static string FindRepositoryRoot()
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
