using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Hosting;

/// <summary>Three real silo processes on one PostgreSQL form one cluster; a graceful stop leaves the membership table as dead.</summary>
public sealed class ClusterHostTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-cluster-host-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public ClusterHostTests() => File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_workingDirectory, "chains.json"));

    [Fact]
    public async Task Start_ThreeSilosOnPostgres_FormOneClusterAndSigtermLeavesAsDead()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("clusterhost");
        var silos = Enumerable.Range(1, 3).Select(i => SiloProcess.Start(
            SiloProcess.SiloDll,
            _workingDirectory,
            new Dictionary<string, string>(),
            "--Mesh:Storage:Provider=PostgreSql",
            $"--Mesh:Storage:ConnectionString={database}",
            $"--Mesh:SiloName=silo{i}")).ToList();
        try
        {
            foreach (var silo in silos)
            {
                await silo.WaitUntilReadyAsync(_http);
            }

            await Eventually.TrueAsync(
                async () => (await StatusesAsync(silos[0])).Count(s => s.Value == "Active") == 3,
                "three active silos in the membership table");
            var probe = await GetJsonAsync(silos[0], "api/operator/probe?grains=64");
            var answering = probe.GetProperty("silos").EnumerateArray().Select(s => s.GetProperty("silo").GetString()).ToList();

            Assert.Equal(3, answering.Count);
            Assert.Equal(0, await silos[2].StopAsync());
            var after = await StatusesAsync(silos[0]);
            Assert.Equal("Dead", after["silo3"]);
            Assert.Equal("Active", after["silo1"]);
            Assert.Equal("Active", after["silo2"]);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private async Task<Dictionary<string, string?>> StatusesAsync(SiloProcess silo)
    {
        var cluster = await GetJsonAsync(silo, "api/operator/cluster");
        return cluster.GetProperty("silos").EnumerateArray()
            .GroupBy(s => s.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last().GetProperty("status").GetString());
    }

    private Task<JsonElement> GetJsonAsync(SiloProcess silo, string path) => silo.GetOperatorJsonAsync(_http, path);

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
