using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Hosting;

/// <summary>The real silo executable as a single node: defaults, graceful stop, and every start-up failure a user can fix.</summary>
public sealed class SiloHostTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-silo-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public SiloHostTests() => File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_workingDirectory, "chains.json"));

    [Fact]
    public async Task Start_EmbeddedDefaults_ServesHealthProbesGrainsAndStopsGracefullyOnSigterm()
    {
        await using var sut = SiloProcess.Start(_workingDirectory);
        await sut.WaitUntilReadyAsync(_http);

        using var live = await _http.GetAsync(new Uri(sut.BaseAddress, "health/live"));
        var silo = await GetJsonAsync(sut, "api/operator/silo");
        var probe = await GetJsonAsync(sut, "api/operator/probe?grains=8");
        var exitCode = await sut.StopAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.Equal("single-node", silo.GetProperty("mode").GetString());
        Assert.Equal(8, probe.GetProperty("silos").EnumerateArray().Sum(s => s.GetProperty("grains").GetInt32()));
        Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "mesh.db")), "the embedded default keeps state in data/mesh.db");
        Assert.Equal(0, exitCode);
        Assert.Contains("Orleans Silo stopped", sut.Output);
    }

    [Fact]
    public async Task Start_SecondSiloOnTheSameDataFolder_RefusesNamingTheFolder()
    {
        await using var first = SiloProcess.Start(_workingDirectory);
        await first.WaitUntilReadyAsync(_http);

        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("Mesh:DataDirectory", output);
        Assert.Contains("in use by another silo", output);
        Assert.Contains($"pid {first.Pid}", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(0, await first.StopAsync());
    }

    [Fact]
    public async Task Start_InvalidChainsFile_ExitsNamingFilePathAndProblem()
    {
        var chains = File.ReadAllText(Path.Combine(_workingDirectory, "chains.json"));
        File.WriteAllText(Path.Combine(_workingDirectory, "chains.json"), chains.Replace("\"confirmations\": 2", "\"confirmations\": -3", StringComparison.Ordinal));

        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("chains.json", output);
        Assert.Contains("$.chains[0].confirmations", output);
        Assert.Contains("got -3", output);
        Assert.False(Directory.Exists(Path.Combine(_workingDirectory, "data")), "nothing was created before validation failed");
    }

    [Theory]
    [InlineData("--Mesh:Orleans:CollectionAge=00:00:00", "Mesh:Orleans:CollectionAge: must be at least 00:01:00")]
    [InlineData("--Mesh:Orleans:SiloPrt=11111", "Mesh:Orleans:SiloPrt: unknown setting (did you mean Mesh:Orleans:SiloPort?)")]
    [InlineData("--Mesh:Storag:Provider=PostgreSql", "Mesh:Storag: unknown setting (did you mean Mesh:Storage?)")]
    [InlineData("--Mesh:Orleans:Membership:ProbeTimout=00:00:01", "Mesh:Orleans:Membership:ProbeTimout: unknown setting (did you mean Mesh:Orleans:Membership:ProbeTimeout?)")]
    [InlineData("--Mesh:Storage:Provider=Oracle", "Mesh:Storage:Provider: the value 'Oracle' cannot be read (expected one of Sqlite, PostgreSql)")]
    [InlineData("--Mesh:Orleans:SiloPort=seven", "Mesh:Orleans:SiloPort: the value 'seven' cannot be read (expected a whole number)")]
    [InlineData("--Mesh:Storage:Provider=PostgreSql", "Mesh:Storage:ConnectionString: is required")]
    [InlineData("--Mesh:Orleans:ListenAddress=localhost", "Mesh:Orleans:ListenAddress: must be an IP address")]
    [InlineData("--Mesh:Rebalancing:Allocation:Tolerance=1.5", "Mesh:Rebalancing:Allocation:Tolerance must be in [0, 1); it is 1.5")]
    [InlineData("--Mesh:Rebalancing:Hedge:BandFraction=2", "Mesh:Rebalancing:Hedge:BandFraction must be in [0, 1]; it is 2")]
    [InlineData("--Mesh:Rebalancing:Alocation:Tolerance=0.1", "Mesh:Rebalancing:Alocation: unknown setting (did you mean Mesh:Rebalancing:Allocation?)")]
    [InlineData("--Mesh:Transfers:HaltedAfterBlocks=0", "Mesh:Transfers:HaltedAfterBlocks must be greater than zero; it is 0")]
    [InlineData("--Mesh:Transfers:PolInterval=00:00:01", "Mesh:Transfers:PolInterval: unknown setting (did you mean Mesh:Transfers:PollInterval?)")]
    public async Task Start_BadSetting_ExitsWithCode2AndOneLineNamingTheSetting(string setting, string expected)
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, setting);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(Directory.Exists(Path.Combine(_workingDirectory, "data")), "nothing was created before validation failed");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=notaport", "Mesh:Storage:ConnectionString: is not a valid PostgreSQL connection string")]
    [InlineData("Hots=127.0.0.1", "Mesh:Storage:ConnectionString: is not a valid PostgreSQL connection string")]
    [InlineData("Database=mesh", "Mesh:Storage:ConnectionString: names no Host")]
    public async Task Start_MalformedConnectionString_ExitsWithCode2NamingIt(string connectionString, string expected)
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(
            _workingDirectory, "--Mesh:Storage:Provider=PostgreSql", $"--Mesh:Storage:ConnectionString={connectionString}");

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Start_UnreachablePostgres_ExitsWithCode3NamingIt()
    {
        var port = TestPorts.Next();

        var (exitCode, output) = await SiloProcess.RunToExitAsync(
            _workingDirectory, "--Mesh:Storage:Provider=PostgreSql", $"--Mesh:Storage:ConnectionString=Host=127.0.0.1;Port={port};Username=mesh;Timeout=2");

        Assert.Equal(3, exitCode);
        Assert.Contains("PostgreSQL (Mesh:Storage:ConnectionString) is unreachable", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Start_UnwritableDataFolder_ExitsWithCode2NamingIt()
    {
        var file = Path.Combine(_workingDirectory, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file where the data folder should be");

        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, $"--Mesh:DataDirectory={file}/data");

        Assert.Equal(2, exitCode);
        Assert.Contains("Mesh:DataDirectory: cannot create the data folder", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("Urls")]
    [InlineData("Mesh:Orleans:SiloPort")]
    [InlineData("Mesh:Orleans:GatewayPort")]
    public async Task Start_PortInUse_ExitsWithCode2NamingTheSetting(string setting)
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var argument = setting == "Urls" ? $"--Urls=http://127.0.0.1:{port}" : $"--{setting}={port}";

        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, argument);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{setting}: port {port} on 127.0.0.1 is already in use", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Help_ListsEverySettingWithItsDefault()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, "--help");

        Assert.Equal(0, exitCode);
        foreach (var key in new[] { "Mesh:Storage:Provider", "Mesh:Orleans:SiloPort", "Mesh:Orleans:Membership:ProbeTimeout", "--migrate-only", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            Assert.Contains(key, output);
        }
    }

    [Fact]
    public async Task MigrateOnly_Sqlite_AppliesTheSchemaAndExitsWithoutStartingTheSilo()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, "--migrate-only");
        var (againExitCode, againOutput) = await SiloProcess.RunToExitAsync(_workingDirectory, "--migrate-only");

        Assert.Equal(0, exitCode);
        Assert.Matches("Schema up to date \\(Sqlite\\): [1-9][0-9]* script\\(s\\) applied", output);
        Assert.Equal(0, againExitCode);
        Assert.Contains("Schema up to date (Sqlite): 0 script(s) applied", againOutput);
        Assert.DoesNotContain("Orleans Silo started", output);
    }

    private Task<JsonElement> GetJsonAsync(SiloProcess silo, string path) => silo.GetOperatorJsonAsync(_http, path);

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
