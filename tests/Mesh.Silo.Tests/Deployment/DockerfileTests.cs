using System.Text.RegularExpressions;
using Mesh.Chains.Evm.Local;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>deploy/Dockerfile agrees with docker-compose.yml and with what the silo reads (no image is built here).</summary>
public partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(SiloProcess.RepositoryRoot(), "deploy", "Dockerfile"));

    [Fact]
    public async Task Stages_TheTargetsComposeBuildsExist_TheSiloIsTheDefault()
    {
        var compose = await ComposeConfig.DefaultAsync();
        var stages = Stages().Select(s => s.Name).ToList();

        foreach (var target in compose.ServiceNames.Select(s => compose.Service(s)["build"]?["target"]?.GetValue<string>()).OfType<string>())
        {
            Assert.Contains(target, stages);
        }

        Assert.Equal(("runtime", "mcr.microsoft.com/dotnet/aspnet:10.0"), (Stages()[^1].Name, Stages()[^1].Image));
    }

    [Fact]
    public void EvmNode_RunsTheHardhatCliTheSiloItselfRuns_OnEveryInterface()
    {
        var evmNode = Stage("evm-node");
        var toolchain = new HardhatToolchain(Path.Combine(SiloProcess.RepositoryRoot(), "src", "Mesh.Chains", "contracts"));
        var cli = Path.GetRelativePath(toolchain.ContractsDirectory, toolchain.HardhatCli).Replace('\\', '/');

        Assert.Contains($"ENTRYPOINT [\"node\", \"{cli}\", \"node\", \"--hostname\", \"0.0.0.0\"]", evmNode, StringComparison.Ordinal);
        Assert.Equal("contracts", Stages().Single(s => s.Name == "evm-node").Image);
    }

    [Fact]
    public async Task Runtime_ShipsTheCompiledContractsWhereDeployLooksAndOwnsTheFoldersComposeMounts()
    {
        var runtime = Stage("runtime");
        var compose = await ComposeConfig.DefaultAsync();
        var contracts = Env(runtime, "Mesh__Evm__ContractsDirectory");

        // deploy takes the artifacts from <ContractsDirectory>/build (HardhatToolchain.BuildDirectory) and needs no npm.
        Assert.Contains($"COPY --from=contracts /contracts/build/ {contracts}/build/", runtime, StringComparison.Ordinal);
        Assert.Equal(Env(runtime, "Mesh__DataDirectory"), compose.Environment("silo1")["Mesh__DataDirectory"]);

        // The image runs as a non-root user: each folder a named volume is mounted on must exist and be its own, or
        // the volume starts root-owned and the silo cannot write its data or deploy its chains file.
        var owned = ChownedFolders().Matches(runtime).SelectMany(m => m.Groups["folders"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var volumes = compose.Root["volumes"]!.AsObject().Select(v => v.Key).ToHashSet();
        foreach (var service in compose.ServiceNames.Where(s => compose.Service(s)["image"]!.GetValue<string>() == "mesh-silo:local"))
        {
            foreach (var (source, target, _) in compose.Volumes(service).Where(v => volumes.Contains(v.Source)))
            {
                Assert.True(owned.Contains(target), $"{service} mounts volume {source} at {target}, which the runtime stage does not create and chown");
            }
        }

        Assert.Contains("USER $APP_UID", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_HealthCheckAndExposedPorts_AreTheSilosDefaults()
    {
        var runtime = Stage("runtime");
        var url = new Uri(Env(runtime, "ASPNETCORE_URLS"));
        var defaults = new Mesh.Silo.Hosting.MeshOrleansOptions();

        Assert.Contains($"EXPOSE {url.Port} {defaults.SiloPort} {defaults.GatewayPort}", runtime, StringComparison.Ordinal);
        Assert.Contains($"curl -fsS http://localhost:{url.Port}/health/ready", runtime, StringComparison.Ordinal);
    }

    private static List<(string Name, string Image, string Text)> Stages() =>
        [.. StageHeader().Split(Dockerfile).Skip(1).Chunk(3).Select(c => (c[1], c[0], c[2]))];

    private static string Stage(string name) => Stages().Single(s => s.Name == name).Text;

    private static string Env(string stage, string name)
    {
        var match = Regex.Match(stage, $@"\b{Regex.Escape(name)}=(?<value>\S+)");
        Assert.True(match.Success, $"the stage sets no {name}");
        return match.Groups["value"].Value;
    }

    // "FROM image AS name" lines; the split keeps each stage's image and name followed by its text.
    [GeneratedRegex(@"^FROM (\S+) AS (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex StageHeader();

    [GeneratedRegex(@"mkdir -p (?<folders>[^&\n]+?) && chown")]
    private static partial Regex ChownedFolders();
}
