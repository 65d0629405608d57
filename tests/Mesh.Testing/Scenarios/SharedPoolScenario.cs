using System.Globalization;
using System.Net;
using System.Text.Json;
using Mesh.Testing.ChainNode;

namespace Mesh.Testing.Scenarios;

/// <summary>
/// The shared-pool scenario through HTTP, for a single node or a cluster: three protocols join and are approved;
/// feeders price WETH and USDC; a lender deposits USDC and supplies it to the USDC pool; two borrowers deposit WETH,
/// draw USDC credit from that pool and report short WETH puts and a perp; a batch of value-moving requests (which a
/// test may cut with a silo kill); an oracle shock. Chains are read on the <see cref="SimulatedChainNode"/>; conservation is
/// checked to the base unit at every quiescent step (<see cref="AssertConservedAsync"/>).
/// </summary>
public sealed partial class SharedPoolScenario
{
    /// <summary>The chain every vault of the scenario is on.</summary>
    public const string Chain = "local-a";

    /// <summary>The oracle sources, one feeder key each.</summary>
    public static readonly string[] Feeds = ["feed-1", "feed-2", "feed-3"];

    private static readonly UInt128 UsdcUnit = 1_000_000;
    private static readonly UInt128 WethUnit = 1_000_000_000_000_000_000UL;

    private readonly MeshHttp _http;
    private readonly SimulatedChainNode _node;
    private readonly string _operatorKey;
    private readonly Action<string> _log;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private string[] _feederKeys = [];

    /// <summary>Creates the scenario.</summary>
    /// <param name="http">The silos.</param>
    /// <param name="node">The chain node the silos use.</param>
    /// <param name="operatorKey">The operator key the silo wrote to <c>data/operator.key</c>.</param>
    /// <param name="log">Where progress goes (the test's output).</param>
    /// <param name="prefix">The protocol ids' prefix (ids are unique per mesh).</param>
    public SharedPoolScenario(MeshHttp http, SimulatedChainNode node, string operatorKey, Action<string> log, string prefix = "sp")
    {
        _http = http;
        _node = node;
        _operatorKey = operatorKey;
        _log = log;
        Lender = new ScenarioProtocol($"{prefix}-lender", "0x00000000000000000000000000000000000000e1");
        Borrowers = [new ScenarioProtocol($"{prefix}-borrower-1", "0x00000000000000000000000000000000000000e2"), new ScenarioProtocol($"{prefix}-borrower-2", "0x00000000000000000000000000000000000000e3")];
    }

    /// <summary>Gets the lender: USDC supplied to the pool.</summary>
    public ScenarioProtocol Lender { get; }

    /// <summary>Gets the two borrowers: WETH collateral, USDC credit, short WETH puts.</summary>
    public IReadOnlyList<ScenarioProtocol> Borrowers { get; }

    /// <summary>Gets every protocol.</summary>
    public IReadOnlyList<ScenarioProtocol> Protocols => [Lender, .. Borrowers];

    /// <summary>Gets what the scenario expects from what it saw complete.</summary>
    public ScenarioLedger Ledger { get; } = new();

    /// <summary>Gets or sets whether accounts are funded through a silo's <c>POST /api/dev/faucet</c> (forwarded to the node) rather than on the node directly.</summary>
    public bool FundThroughSilo { get; set; }

    /// <summary>Each protocol asks to join (anonymously, pending) and the operator approves it; three feeder keys are created.</summary>
    /// <returns>A task.</returns>
    public async Task JoinAsync()
    {
        foreach (var p in Protocols)
        {
            var joined = await _http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/protocols", null,
                $$"""{"protocolId":"{{p.Id}}","name":"Scenario {{p.Id}}","chains":["{{Chain}}"],"contact":"ops@example.org","requestedTier":"standard","account":"{{p.Account}}"}""");
            Xunit.Assert.Equal("pending", joined.GetProperty("protocol").GetProperty("status").GetString());
            Xunit.Assert.Equal(JsonValueKind.Null, joined.GetProperty("apiKey").ValueKind);
            var approved = await _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/operator/protocols/{p.Id}/approve", _operatorKey, "{}");
            Xunit.Assert.Equal("active", approved.GetProperty("protocol").GetProperty("status").GetString());
            p.Key = approved.GetProperty("apiKey").GetString()!;
        }

        _feederKeys = await Task.WhenAll(Feeds.Select(async f =>
            (await _http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/operator/keys", _operatorKey, $$"""{"role":"oracle-feeder","principal":"{{f}}"}""")).GetProperty("key").GetString()!));
        Log("3 protocols joined and approved; 3 feeder keys");
    }

    /// <summary>Every feeder posts the WETH price and USDC at 1, observed now.</summary>
    /// <param name="weth">The WETH price in USD.</param>
    /// <returns>A task.</returns>
    public async Task FeedPricesAsync(decimal weth)
    {
        var at = TimeProvider.System.GetUtcNow().AddMilliseconds(-100).ToString("O", CultureInfo.InvariantCulture);
        foreach (var key in _feederKeys)
        {
            foreach (var (asset, price) in new[] { ("WETH", weth), ("USDC", 1m) })
            {
                await _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/oracles/{asset}/observations", key,
                    $$"""{"price":{{price.ToString(CultureInfo.InvariantCulture)}},"observedAt":"{{at}}"}""");
            }
        }

        var oracle = await _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/oracles/WETH", _operatorKey);
        Xunit.Assert.Equal((double)weth, oracle.GetProperty("price").GetDouble(), 6);
        Xunit.Assert.Equal(3, oracle.GetProperty("sourcesUsed").GetInt32());
    }

    /// <summary>Mints tokens to a protocol's account: on the node, or through a silo's faucet (which forwards to the node).</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="token">The token.</param>
    /// <param name="amount">Base units.</param>
    /// <returns>A task.</returns>
    public async Task FundAsync(ScenarioProtocol protocol, string token, UInt128 amount)
    {
        var chain = _node.Chain(Chain);
        var before = await chain.GetBalanceAsync(token, protocol.Account);
        if (FundThroughSilo)
        {
            var answer = await _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/dev/faucet", _operatorKey,
                $$"""{"chain":"{{Chain}}","token":"{{token}}","account":"{{protocol.Account}}","amount":"{{amount.ToString(CultureInfo.InvariantCulture)}}"}""");
            Xunit.Assert.Equal((before + amount).ToString(CultureInfo.InvariantCulture), answer.GetProperty("balance").GetString());
        }
        else
        {
            chain.Fund(protocol.Account, token, amount);
        }

        Xunit.Assert.Equal(before + amount, await chain.GetBalanceAsync(token, protocol.Account));
        Ledger.Fund(protocol.Account, token, amount);
    }

    /// <summary>
    /// The opening: accounts funded (with room for the batch), the lender deposits 1,000,000 USDC and supplies
    /// 900,000 to the pool, each borrower deposits 10 WETH and draws 5,000 USDC; every movement completes.
    /// </summary>
    /// <returns>A task.</returns>
    public async Task OpenPositionsAsync()
    {
        await FundAsync(Lender, "USDC", 1_010_000 * UsdcUnit);
        foreach (var b in Borrowers)
        {
            await FundAsync(b, "WETH", 15 * WethUnit);
        }

        await Task.WhenAll(Protocols.Select(async p =>
        {
            var lender = p == Lender;
            await CompleteAsync(new ScenarioMovement(p, ScenarioMovement.Deposit, lender ? "USDC" : "WETH", lender ? 1_000_000 * UsdcUnit : 10 * WethUnit, $"open-deposit-{p.Id}"));
            if (lender)
            {
                await CompleteAsync(new ScenarioMovement(p, ScenarioMovement.Supply, "USDC", 900_000 * UsdcUnit, $"open-supply-{p.Id}"));
            }
        }));
        foreach (var b in Borrowers)
        {
            await CompleteAsync(new ScenarioMovement(b, ScenarioMovement.Draw, "USDC", 5_000 * UsdcUnit, $"open-draw-{b.Id}"));
        }

        Log("opened: lender 1,000,000 USDC deposited, 900,000 supplied; borrowers 10 WETH each, 5,000 USDC drawn each");
    }

    /// <summary>Each borrower reports 20 short 30-day WETH puts at 1,800 and a long perp of 2 WETH; returns the health each answer holds.</summary>
    /// <returns>Health by protocol id.</returns>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ReportExposuresAsync()
    {
        var expiry = TimeProvider.System.GetUtcNow().AddDays(30).ToString("O", CultureInfo.InvariantCulture);
        var book = $$"""{"exposures":[{"id":"put-1800","kind":"option","underlying":"WETH","size":20,"side":"short","right":"put","strike":1800,"expiry":"{{expiry}}","impliedVolatility":0.7},{"id":"perp-1","kind":"perp","underlying":"WETH","size":2,"side":"long","entryPrice":1950}]}""";
        var health = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var b in Borrowers)
        {
            health[b.Id] = await _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{b.Vault(Chain)}/exposures", b.Key, book);
        }

        return health;
    }

    /// <summary>A vault's health as its protocol reads it.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The health.</returns>
    public Task<JsonElement> HealthAsync(ScenarioProtocol protocol) =>
        _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{protocol.Vault(Chain)}/health", protocol.Key);

    /// <summary>The feeders post a new WETH price; waits until every borrower's health is valued at it.</summary>
    /// <param name="weth">The new price.</param>
    /// <returns>Health by protocol id, at the new price.</returns>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ShockAsync(decimal weth)
    {
        await FeedPricesAsync(weth);
        var health = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var b in Borrowers)
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    health[b.Id] = await HealthAsync(b);
                    return health[b.Id].GetProperty("collateral").EnumerateArray().Any(c => c.GetProperty("asset").GetString() == "WETH" && Math.Abs(c.GetProperty("price").GetDouble() - (double)weth) < 1e-6);
                },
                $"{b.Id}'s health values WETH at {weth}",
                TimeSpan.FromSeconds(20));
        }

        Log($"oracle shock: WETH at {weth}");
        return health;
    }

    /// <summary>Writes a line to the test's output with the scenario's elapsed time.</summary>
    /// <param name="line">The line.</param>
    public void Log(string line) => _log($"{_clock.Elapsed.TotalSeconds,6:F1}s {line}");
}
