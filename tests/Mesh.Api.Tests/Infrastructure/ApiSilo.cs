using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Api.Tests.Infrastructure;

/// <summary>A real single-node silo process (Mesh.TestSilo: the production host plus test endpoints) on SQLite, with its bootstrap operator key.</summary>
public sealed class ApiSilo : IAsyncDisposable
{
    private readonly bool _ownsFolder;

    private ApiSilo(string folder, SiloProcess process, string operatorKey, bool ownsFolder)
    {
        Folder = folder;
        Process = process;
        OperatorKey = operatorKey;
        _ownsFolder = ownsFolder;
        Http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Folder { get; }

    public SiloProcess Process { get; }

    public string OperatorKey { get; }

    public HttpClient Http { get; }

    public string KeyFile => Path.Combine(Folder, "data", "operator.key");

    public static string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("mesh-api-").FullName;
        File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(folder, "chains.json"));
        return folder;
    }

    /// <summary>Starts a silo in <paramref name="folder"/> (a new one when null) and waits for it and its operator key file.</summary>
    public static async Task<ApiSilo> StartAsync(string? folder, params string[] settings)
    {
        var owns = folder is null;
        folder ??= NewFolder();
        var process = SiloProcess.Start(SiloProcess.TestSiloDll, folder, new Dictionary<string, string>(), settings);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await process.WaitUntilReadyAsync(probe, TimeSpan.FromSeconds(90));
        var keyFile = Path.Combine(folder, "data", "operator.key");
        await Eventually.TrueAsync(() => File.Exists(keyFile), "the operator key file exists", TimeSpan.FromSeconds(30));
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();
        return new ApiSilo(folder, process, key, owns);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? key, string json, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, key, json, idempotencyKey);

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key);

    /// <summary>Creates a key through the API as the operator; returns the key string.</summary>
    public async Task<string> CreateKeyAsync(string role, string? principal = null, string? name = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?> { ["role"] = role, ["principal"] = principal, ["name"] = name }
            .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
        using var response = await PostAsync("api/operator/keys", OperatorKey, body);
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("key").GetString()!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task StopAsync() => Assert.Equal(0, await Process.StopAsync());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        if (_ownsFolder)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
