using System.Net;
using Mesh.Api.Tests.Infrastructure;

namespace Mesh.Api.Tests.Keys;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OperatorKeyBootstrapTests : IDisposable
{
    private readonly string _folder = ApiSilo.NewFolder();

    [Fact]
    public async Task Start_NoOperatorKey_WritesOneOnceWithMode0600AndItWorks()
    {
        string firstKey;
        DateTime written;
        await using (var silo = await ApiSilo.StartAsync(_folder))
        {
            firstKey = silo.OperatorKey;
            written = File.GetLastWriteTimeUtc(silo.KeyFile);
            using var response = await silo.GetAsync("api/operator/keys", silo.OperatorKey);
            var body = await ApiSilo.ReadJsonAsync(response);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(silo.KeyFile));
            Assert.Matches("^mesh_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", firstKey);
            var listed = Assert.Single(body.GetProperty("items").EnumerateArray());
            Assert.Equal("operator", listed.GetProperty("role").GetString());
            Assert.Contains(silo.KeyFile, silo.Process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(firstKey.Split('_', 3)[2], silo.Process.Output, StringComparison.Ordinal);
            await silo.StopAsync();
        }

        await using var restarted = await ApiSilo.StartAsync(_folder);
        using var again = await restarted.GetAsync("api/operator/keys", firstKey);

        Assert.Equal(firstKey, restarted.OperatorKey);
        Assert.Equal(written, File.GetLastWriteTimeUtc(restarted.KeyFile));
        Assert.Single((await ApiSilo.ReadJsonAsync(again)).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain("No operator API key existed", restarted.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ConfiguredKeyFile_WritesThereAndNotInTheDataFolder()
    {
        var path = Path.Combine(_folder, "secrets", "op.key");

        await using var silo = await StartWithKeyFileAsync(path);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/operator/keys?limit=1");
        request.Headers.Authorization = new("Bearer", (await File.ReadAllTextAsync(path)).Trim());
        using var response = await http.SendAsync(request);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.False(File.Exists(Path.Combine(_folder, "data", "operator.key")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Mesh.Testing.SiloProcess> StartWithKeyFileAsync(string path)
    {
        var process = Mesh.Testing.SiloProcess.Start(Mesh.Testing.SiloProcess.TestSiloDll, _folder, new Dictionary<string, string>(), $"--Mesh:Api:OperatorKeyFile={path}");
        using var http = new HttpClient();
        await process.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(90));
        await Mesh.Testing.Eventually.TrueAsync(() => File.Exists(path), "the configured key file exists", TimeSpan.FromSeconds(30));
        return process;
    }
}
