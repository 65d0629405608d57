using System.Net;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Hosting;

/// <summary>SIGTERM: in-flight requests finish, grains deactivate and write their state, the process exits 0.</summary>
public sealed class GracefulStopTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-stop-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public GracefulStopTests() => File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_workingDirectory, "chains.json"));

    [Fact]
    public async Task Sigterm_RequestInFlight_RequestFinishesAndGrainsWriteOnDeactivation()
    {
        await using var sut = SiloProcess.Start(SiloProcess.TestSiloDll, _workingDirectory, new Dictionary<string, string>());
        await sut.WaitUntilReadyAsync(_http);
        await GetCountAsync(sut, "test/shutdown/a/work?ms=1");
        await GetCountAsync(sut, "test/shutdown/a/work?ms=1");
        var storedBefore = await GetCountAsync(sut, "test/shutdown/a/stored");

        var inFlight = _http.GetAsync(new Uri(sut.BaseAddress, "test/shutdown/a/work?ms=2000"));
        await Eventually.TrueAsync(async () => await GetCountAsync(sut, "test/shutdown/in-flight") == 1, "the slow request reached its grain");
        var exitCode = await sut.StopAsync();
        using var response = await inFlight;

        Assert.Equal(0, storedBefore);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt64());
        Assert.Equal(0, exitCode);

        await using var restarted = SiloProcess.Start(SiloProcess.TestSiloDll, _workingDirectory, new Dictionary<string, string>());
        await restarted.WaitUntilReadyAsync(_http);
        Assert.Equal(3, await GetCountAsync(restarted, "test/shutdown/a/stored"));
        Assert.Equal(0, await restarted.StopAsync());
    }

    private async Task<long> GetCountAsync(SiloProcess silo, string path) =>
        JsonDocument.Parse(await _http.GetStringAsync(new Uri(silo.BaseAddress, path))).RootElement.GetProperty("count").GetInt64();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
