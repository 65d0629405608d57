using System.Net;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Hosting;

public sealed class SiloHostTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-silo-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public SiloHostTests() => File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_workingDirectory, "chains.json"));

    [Fact]
    public async Task Start_EmbeddedDefaults_ServesHealthAndStopsGracefullyOnSigterm()
    {
        await using var sut = SiloProcess.Start(_workingDirectory);
        await sut.WaitUntilReadyAsync(_http);

        using var live = await _http.GetAsync(new Uri(sut.BaseAddress, "health/live"));
        var silo = JsonDocument.Parse(await _http.GetStringAsync(new Uri(sut.BaseAddress, "api/operator/silo"))).RootElement;
        var exitCode = await sut.StopAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(silo.GetProperty("ready").GetBoolean());
        Assert.Equal("sqlite", silo.GetProperty("storage").GetString());
        Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "mesh.db")), "the embedded default keeps state in data/mesh.db");
        Assert.Equal(0, exitCode);
        Assert.Contains("Silo runtime stopping", sut.Output);
    }

    [Fact]
    public async Task Start_OtlpEndpointSet_ExportsRuntimeMetricsOverOtlp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        await using var sut = SiloProcess.Start(_workingDirectory, environment);
        await sut.WaitUntilReadyAsync(_http);

        await Eventually.TrueAsync(
            () => receiver.Requests.Any(r => r.Path == "/v1/metrics" && Contains(r.Body, "mesh.grain.activations")),
            "the silo exported its runtime metrics to the OTLP endpoint");

        var metrics = receiver.Requests.First(r => r.Path == "/v1/metrics" && Contains(r.Body, "mesh.grain.activations")).Body;
        Assert.True(Contains(metrics, "mesh-silo"), "the resource names the service");
        Assert.True(Contains(metrics, "mesh.grain.mailbox.depth"));
        Assert.Equal(0, await sut.StopAsync());
    }

    [Fact]
    public async Task Start_InvalidChainsFile_ExitsNonZeroNamingFilePathAndProblem()
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

    [Fact]
    public async Task Start_InvalidSetting_ExitsNonZeroNamingTheSetting()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, "--Mesh:Runtime:CollectionAge=00:00:00");

        Assert.Equal(2, exitCode);
        Assert.Contains("Mesh:Runtime:CollectionAge", output);
    }

    [Fact]
    public async Task Help_ListsEverySettingSection()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Mesh:Storage:Provider", output);
        Assert.Contains("Mesh:Cluster:Enabled", output);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", output);
    }

    [Fact]
    public async Task Start_ThreeClusteredSilosOnPostgres_OperatorEndpointListsSilosAndPartitions()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("silohost");
        var silos = Enumerable.Range(0, 3).Select(i => SiloProcess.Start(
            _workingDirectory,
            "--Mesh:Storage:Provider=PostgreSql",
            $"--Mesh:Storage:ConnectionString={database}",
            "--Mesh:Cluster:Enabled=true",
            "--Mesh:Cluster:SiloPort=0",
            $"--Mesh:SiloId=silo-{i}")).ToList();
        try
        {
            foreach (var silo in silos)
            {
                await silo.WaitUntilReadyAsync(_http);
            }

            await Eventually.TrueAsync(
                async () =>
                {
                    var cluster = JsonDocument.Parse(await _http.GetStringAsync(new Uri(silos[0].BaseAddress, "api/operator/cluster"))).RootElement;
                    var active = cluster.GetProperty("silos").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "active").ToList();
                    return active.Count == 3
                        && active.Sum(s => s.GetProperty("partitions").GetInt32()) == 1024
                        && active.All(s => s.GetProperty("partitions").GetInt32() > 200);
                },
                "three active silos share the 1024 partitions");

            Assert.Equal(0, await silos[2].StopAsync());
            var after = JsonDocument.Parse(await _http.GetStringAsync(new Uri(silos[0].BaseAddress, "api/operator/cluster"))).RootElement;
            var left = after.GetProperty("silos").EnumerateArray().Single(s => s.GetProperty("siloId").GetString() == "silo-2");
            Assert.Equal("dead", left.GetProperty("status").GetString());
            Assert.Equal(0, left.GetProperty("partitions").GetInt32());
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static bool Contains(byte[] body, string text) =>
        body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
