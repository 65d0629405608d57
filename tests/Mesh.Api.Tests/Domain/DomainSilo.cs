using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing;

namespace Mesh.Api.Tests.Domain;

/// <summary>
/// A silo of its own (rate limits raised so that hundreds of table rows are not throttled, default 64 KiB body limit)
/// holding a fixture state: an approved protocol with a funded and deposited WETH vault, a reported book, fed prices,
/// a second approved protocol, a pending one, and router and feeder keys.
/// </summary>
public sealed class DomainSilo : IAsyncLifetime
{
    public const string Main = "bi-main";
    public const string Other = "bi-other";
    public const string Pending = "bi-pending";
    public const string Chain = "local-a";
    public const string MainAccount = "0x00000000000000000000000000000000000000b1";
    public const string Deposit = "10000000000000000000";
    public const long MaxBodyBytes = 65536;
    public static readonly string[] Feeds = ["feed-1", "feed-2", "feed-3"];

    private readonly Dictionary<Caller, string?> _keys = [];
    private string[] _feederKeys = [];

    public ApiSilo Silo { get; private set; } = null!;

    public string DepositOperationId { get; private set; } = "";

    public static string MainVault => $"/api/protocols/{Main}/vaults/{Chain}";

    public static string JoinBody(string id, string tier = "aggressive", string account = MainAccount) =>
        $$"""{"protocolId":"{{id}}","name":"Fixture {{id}}","chains":["{{Chain}}"],"contact":"ops@example.org","requestedTier":"{{tier}}","account":"{{account}}"}""";

    public static string OptionJson(string id = "o1") =>
        $$"""{"id":"{{id}}","kind":"option","underlying":"WETH","size":20,"side":"short","right":"put","strike":1800,"expiry":"{{TimeProvider.System.GetUtcNow().AddDays(30):O}}","impliedVolatility":0.7}""";

    public static string PerpJson(string id = "p1") => $$"""{"id":"{{id}}","kind":"perp","underlying":"WETH","size":2,"side":"long","entryPrice":1950}""";

    public string? KeyOf(Caller caller) => _keys[caller];

    public async Task InitializeAsync()
    {
        Silo = await ApiSilo.StartAsync(
            null,
            $"--Mesh:Api:MaxRequestBodyBytes={MaxBodyBytes}",
            "--Mesh:Api:RateLimit:TokenLimit=100000",
            "--Mesh:Api:RateLimit:TokensPerPeriod=100000",
            "--Mesh:Api:RateLimit:AnonymousTokenLimit=100000",
            "--Mesh:Api:RateLimit:AnonymousTokensPerPeriod=100000");
        _keys[Caller.Anonymous] = null;
        _keys[Caller.Operator] = Silo.OperatorKey;
        _keys[Caller.Protocol] = await JoinAndApprove(Main);
        _keys[Caller.OtherProtocol] = await JoinAndApprove(Other, "0x00000000000000000000000000000000000000b2");
        await Expect(Silo.PostAsync("/api/protocols", null, JoinBody(Pending, "standard")), HttpStatusCode.Created);
        _keys[Caller.Router] = await Silo.CreateKeyAsync("router", "bi-router");
        _feederKeys = [.. await Task.WhenAll(Feeds.Select(f => Silo.CreateKeyAsync("oracle-feeder", f)))];
        _keys[Caller.Feeder] = _feederKeys[0];
        await FeedPricesAsync();
        await Expect(Silo.PostAsync("/api/dev/faucet", Silo.OperatorKey, $$"""{"chain":"{{Chain}}","token":"WETH","account":"{{MainAccount}}","amount":"{{Deposit}}"}"""), HttpStatusCode.OK);
        var deposit = await Expect(Silo.PostAsync($"{MainVault}/deposits", KeyOf(Caller.Protocol), $$"""{"asset":"WETH","amount":"{{Deposit}}"}""", "fixture-deposit"), HttpStatusCode.Accepted);
        DepositOperationId = deposit.GetProperty("operationId").GetString()!;
        await Eventually.TrueAsync(
            async () => (await Expect(Silo.GetAsync($"{MainVault}/operations/{DepositOperationId}", KeyOf(Caller.Protocol)), HttpStatusCode.OK)).GetProperty("status").GetString() == "completed",
            "the fixture deposit is final",
            TimeSpan.FromSeconds(30));
        await Expect(Silo.SendAsync(HttpMethod.Put, $"{MainVault}/exposures", KeyOf(Caller.Protocol), $$"""{"exposures":[{{OptionJson()}},{{PerpJson()}}]}"""), HttpStatusCode.OK);
    }

    /// <summary>Every feeder posts WETH 2000 and USDC 1 observed now (keeps the sources fresh for a minute).</summary>
    public async Task FeedPricesAsync()
    {
        var at = TimeProvider.System.GetUtcNow().AddMilliseconds(-200);
        foreach (var key in _feederKeys)
        {
            foreach (var (asset, price) in new[] { ("WETH", "2000"), ("USDC", "1") })
            {
                await Expect(Silo.PostAsync($"/api/oracles/{asset}/observations", key, $$"""{"price":{{price}},"observedAt":"{{at:O}}"}"""), HttpStatusCode.OK);
            }
        }
    }

    /// <summary>Sends a table row as its caller; a value-moving row gets a fresh idempotency key unless it names one.</summary>
    public async Task<HttpResponseMessage> SendAsync(BadRequestCase row)
    {
        using var request = new HttpRequestMessage(row.Method, row.Path.TrimStart('/'));
        if (KeyOf(row.Caller) is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (row.IdempotencyKey is { } given)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", given);
        }
        else if (row.Idempotent)
        {
            request.Headers.Add("Idempotency-Key", "bad-" + Guid.NewGuid().ToString("N"));
        }

        if (row.Body is not null)
        {
            request.Content = new StringContent(row.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(row.ContentType);
        }

        return await Silo.Http.SendAsync(request);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    public static async Task<JsonElement> Expect(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        var json = await ApiSilo.ReadJsonAsync(response);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {json}");
        return json;
    }

    private async Task<string> JoinAndApprove(string id, string account = MainAccount)
    {
        await Expect(Silo.PostAsync("/api/protocols", null, JoinBody(id, account: account)), HttpStatusCode.Created);
        var approved = await Expect(Silo.PostAsync($"/api/operator/protocols/{id}/approve", Silo.OperatorKey, "{}"), HttpStatusCode.OK);
        return approved.GetProperty("apiKey").GetString()!;
    }
}
