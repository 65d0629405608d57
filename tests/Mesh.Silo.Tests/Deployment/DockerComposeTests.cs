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
        Assert.Contains("Mesh__Storage__Provider: PostgreSql", stdout, StringComparison.Ordinal);
        Assert.Contains("chains.json:/app/chains.json:ro", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    [InlineData("silo3")]
    public async Task Config_EachSilo_AdvertisesItsOwnHostNameAndListensWhereOthersCallIt(string service)
    {
        var (exitCode, stdout, stderr) = await DockerComposeCli.ConfigAsync(Path.Combine(FindRepositoryRoot(), "docker-compose.yml"));
        Assert.True(exitCode == 0, stderr);

        var block = ServiceBlock(stdout, service);
        var settings = block.Select(l => l.Trim()).Where(l => l.Contains(": ", StringComparison.Ordinal))
            .Select(l => l.Split(": ", 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1].Trim('\'', '"'));
        var exposed = block.Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim('\'', '"')).ToHashSet();

        // Other silos reach this one at <AdvertisedHost>:<SiloPort>: the name must be this container's host name,
        // the silo must listen on every interface (not loopback) and both Orleans ports must be open on the network.
        Assert.Equal(service, settings["hostname"]);
        Assert.Equal(service, settings["Mesh__Orleans__AdvertisedHost"]);
        Assert.Equal("0.0.0.0", settings["Mesh__Orleans__ListenAddress"]);
        Assert.Contains(settings["Mesh__Orleans__SiloPort"], exposed);
        Assert.Contains(settings["Mesh__Orleans__GatewayPort"], exposed);
        Assert.NotEqual(settings["Mesh__Orleans__SiloPort"], settings["Mesh__Orleans__GatewayPort"]);
        Assert.StartsWith("http://0.0.0.0:", settings["ASPNETCORE_URLS"], StringComparison.Ordinal);
    }

    /// <summary>The lines of one service's block in a resolved compose file.</summary>
    private static List<string> ServiceBlock(string resolvedYaml, string service)
    {
        var lines = resolvedYaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == $"  {service}:");
        Assert.True(start >= 0, $"service {service} not found");
        var block = new List<string>();
        for (var i = start + 1; i < lines.Length && (lines[i].StartsWith("    ", StringComparison.Ordinal) || lines[i].Trim().Length == 0); i++)
        {
            block.Add(lines[i]);
        }

        return block;
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
