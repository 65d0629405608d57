using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>
/// A real single-node silo process (the production <c>Mesh.Silo</c> executable, SQLite in its data folder, HTTP on a
/// free loopback port) with rate limits raised, an operator key, and protocols joined, approved and funded on every
/// simulated chain: each (protocol, chain) is one vault the deposits go to.
/// </summary>
internal sealed class ApiDepositSilo : IAsyncDisposable
{
    /// <summary>Every chain of the repository's <c>chains.json</c>: a protocol joins with all of them.</summary>
    public static readonly string[] Chains = ["local-a", "local-b", "local-c"];

    private readonly string _folder;

    private ApiDepositSilo(string folder, SiloProcess process, HttpClient http, string operatorKey, IReadOnlyList<ApiDepositVault> vaults)
    {
        _folder = folder;
        Process = process;
        Http = http;
        OperatorKey = operatorKey;
        Vaults = vaults;
    }

    /// <summary>Gets the silo process.</summary>
    public SiloProcess Process { get; }

    /// <summary>Gets the client every request goes through (one connection pool, as one API client would have).</summary>
    public HttpClient Http { get; }

    /// <summary>Gets the bootstrap operator key.</summary>
    public string OperatorKey { get; }

    /// <summary>Gets the vaults deposits go to, each with its protocol's key.</summary>
    public IReadOnlyList<ApiDepositVault> Vaults { get; }

    /// <summary>Gets the SQLite file the silo writes.</summary>
    public string DatabaseFile => Path.Combine(_folder, "data", "mesh.db");

    public static async Task<ApiDepositSilo> StartAsync(int protocols, int connections, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("mesh-bench-deposits-").FullName;
        File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(folder, "chains.json"));
        var process = SiloProcess.Start(
            SiloProcess.SiloDll,
            folder,
            new Dictionary<string, string>(),
            "--Mesh:Api:RateLimit:TokenLimit=1000000",
            "--Mesh:Api:RateLimit:TokensPerPeriod=1000000",
            "--Mesh:Api:RateLimit:AnonymousTokenLimit=1000000",
            "--Mesh:Api:RateLimit:AnonymousTokensPerPeriod=1000000");
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            await process.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(120));
            var keyFile = Path.Combine(folder, "data", "operator.key");
            await Eventually.TrueAsync(() => File.Exists(keyFile), "the operator key file exists", TimeSpan.FromSeconds(30));
            var operatorKey = (await File.ReadAllTextAsync(keyFile, cancellationToken)).Trim();
            var vaults = new List<ApiDepositVault>();
            for (var i = 0; i < protocols; i++)
            {
                vaults.AddRange(await JoinAsync(http, operatorKey, i, cancellationToken));
            }

            return new ApiDepositSilo(folder, process, http, operatorKey, vaults);
        }
        catch
        {
            http.Dispose();
            await process.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>A deposit request of <paramref name="amount"/> WETH base units into <paramref name="vault"/>.</summary>
    public static HttpRequestMessage DepositRequest(ApiDepositVault vault, string idempotencyKey, string amount)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, vault.DepositsPath)
        {
            Content = new StringContent($$"""{"asset":"WETH","amount":"{{amount}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", vault.Key);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    /// <summary>Sends a request and returns its status and body, throwing unless the status is <paramref name="expected"/>.</summary>
    public static async Task<(HttpResponseMessage Response, string Body)> ExpectAsync(HttpClient http, HttpRequestMessage request, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != expected)
            {
                response.Dispose();
                throw new InvalidOperationException($"{request.Method} {request.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
            }

            return (response, body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<IEnumerable<ApiDepositVault>> JoinAsync(HttpClient http, string operatorKey, int index, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"bench-{index:D3}");
        var account = "0x" + (index + 1).ToString("x40", CultureInfo.InvariantCulture);
        var chains = string.Join(',', Chains.Select(c => $"\"{c}\""));
        await SendAsync(http, HttpMethod.Post, "api/protocols", null,
            $$"""{"protocolId":"{{id}}","name":"Bench {{index}}","chains":[{{chains}}],"contact":"ops@example.org","requestedTier":"aggressive","account":"{{account}}"}""",
            HttpStatusCode.Created, cancellationToken);
        using var approved = JsonDocument.Parse(await SendAsync(http, HttpMethod.Post, $"api/operator/protocols/{id}/approve", operatorKey, "{}", HttpStatusCode.OK, cancellationToken));
        var key = approved.RootElement.GetProperty("apiKey").GetString()!;

        // 10^36 base units per chain: about 10^18 deposits of the benchmark's size, so the account never runs dry.
        foreach (var chain in Chains)
        {
            await SendAsync(http, HttpMethod.Post, "api/dev/faucet", operatorKey,
                $$"""{"chain":"{{chain}}","token":"WETH","account":"{{account}}","amount":"1000000000000000000000000000000000000"}""",
                HttpStatusCode.OK, cancellationToken);
        }

        return Chains.Select(c => new ApiDepositVault(id, c, key));
    }

    private static async Task<string> SendAsync(HttpClient http, HttpMethod method, string path, string? key, string json, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var (response, body) = await ExpectAsync(http, request, expected, cancellationToken);
        response.Dispose();
        return body;
    }
}
