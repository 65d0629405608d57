using System.Net;
using System.Text.Json;
using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing;

namespace Mesh.Api.Tests.Domain;

/// <summary>The README's walk-through, through HTTP on a real single-node silo: join, approve, feed prices, deposit, report exposures, read health, a shock.</summary>
[Collection(SharedSiloCollection.Name)]
public sealed class WalkthroughTests(SharedSilo shared)
{
    private const string Account = "0x00000000000000000000000000000000000000c1";
    private const string Weth10 = "10000000000000000000";

    private ApiSilo Silo => shared.Silo;

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var json = await ApiSilo.ReadJsonAsync(response);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {json}");
        return json;
    }

    private async Task Prices(decimal weth)
    {
        foreach (var feed in new[] { "feed-1", "feed-2", "feed-3" })
        {
            var key = await Silo.CreateKeyAsync("oracle-feeder", feed);
            foreach (var (asset, price) in new[] { ("WETH", weth), ("USDC", 1m) })
            {
                await Ok(Silo.PostAsync($"/api/oracles/{asset}/observations", key, $$"""{"price":{{price}},"observedAt":"{{TimeProvider.System.GetUtcNow():O}}"}"""));
            }
        }
    }

    [Fact]
    public async Task Walkthrough_JoinApproveDepositReportShock_HealthFollowsThePrice()
    {
        var id = "walk-" + Guid.NewGuid().ToString("N")[..6];
        var joined = await Ok(Silo.PostAsync("/api/protocols", null, $$"""{"protocolId":"{{id}}","name":"Walk","chains":["local-a"],"contact":"ops@example.org","requestedTier":"aggressive","account":"{{Account}}"}"""), HttpStatusCode.Created);
        var approved = await Ok(Silo.PostAsync($"/api/operator/protocols/{id}/approve", Silo.OperatorKey, "{}"));
        var key = approved.GetProperty("apiKey").GetString()!;
        await Prices(2_000m);
        await Ok(Silo.PostAsync("/api/dev/faucet", Silo.OperatorKey, $$"""{"chain":"local-a","token":"WETH","account":"{{Account}}","amount":"{{Weth10}}"}"""));

        var deposit = await Ok(Silo.PostAsync($"/api/protocols/{id}/vaults/local-a/deposits", key, $$"""{"asset":"WETH","amount":"{{Weth10}}"}""", idempotencyKey: "dep-1"), HttpStatusCode.Accepted);
        var operation = deposit.GetProperty("operationId").GetString();
        await Eventually.TrueAsync(async () => (await Ok(Silo.GetAsync($"/api/protocols/{id}/vaults/local-a/operations/{operation}", key))).GetProperty("status").GetString() == "completed", "the deposit is final", TimeSpan.FromSeconds(30));
        using var retry = await Silo.PostAsync($"/api/protocols/{id}/vaults/local-a/deposits", key, $$"""{"asset":"WETH","amount":"{{Weth10}}"}""", idempotencyKey: "dep-1");
        var reported = await Ok(Silo.SendAsync(HttpMethod.Put, $"/api/protocols/{id}/vaults/local-a/exposures", key, $$"""{"exposures":[{"id":"c1","kind":"option","underlying":"WETH","size":20,"side":"short","right":"put","strike":1800,"expiry":"{{TimeProvider.System.GetUtcNow().AddDays(30):O}}","impliedVolatility":0.7}]}"""));
        await Prices(1_400m);
        var shocked = await Ok(Silo.GetAsync($"/api/protocols/{id}/vaults/local-a/health", key));

        Assert.Equal("pending", joined.GetProperty("protocol").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, joined.GetProperty("apiKey").ValueKind);
        Assert.Equal("active", approved.GetProperty("protocol").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(Weth10, reported.GetProperty("collateral")[0].GetProperty("amount").GetString());
        var before = reported.GetProperty("healthFactor").GetDouble();
        var after = shocked.GetProperty("healthFactor").GetDouble();
        Assert.True(after < before, $"a 30% fall hurts a WETH vault that sold WETH puts ({before} → {after})");
        Assert.Equal(1_400 * 10, shocked.GetProperty("collateral")[0].GetProperty("value").GetDouble(), 0.5);
    }

    [Fact]
    public async Task Leave_WithNothingEncumbered_LeavesAndRevokesTheProtocolsKeys()
    {
        var id = "gone-" + Guid.NewGuid().ToString("N")[..6];
        await Ok(Silo.PostAsync("/api/protocols", null, $$"""{"protocolId":"{{id}}","name":"Gone","chains":["local-a"],"contact":"ops@example.org","requestedTier":"aggressive","account":"{{Account}}"}"""), HttpStatusCode.Created);
        var key = (await Ok(Silo.PostAsync($"/api/operator/protocols/{id}/approve", Silo.OperatorKey, "{}"))).GetProperty("apiKey").GetString();
        var second = (await Ok(Silo.PostAsync("/api/operator/keys", Silo.OperatorKey, $$"""{"role":"protocol","principal":"{{id}}"}"""), HttpStatusCode.Created)).GetProperty("key").GetString();

        var left = await Ok(Silo.PostAsync($"/api/protocols/{id}/leave", key, "{}"));
        using var withFirst = await Silo.GetAsync($"/api/protocols/{id}", key);
        using var withSecond = await Silo.GetAsync($"/api/protocols/{id}", second);
        var seen = await Ok(Silo.GetAsync($"/api/protocols/{id}", Silo.OperatorKey));

        Assert.Equal("left", left.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, withFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withSecond.StatusCode);
        Assert.Equal("left", seen.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Vault_OfAnotherProtocol_IsForbidden()
    {
        var mine = "mine-" + Guid.NewGuid().ToString("N")[..6];
        await Ok(Silo.PostAsync("/api/protocols", null, $$"""{"protocolId":"{{mine}}","name":"Mine","chains":["local-a"],"contact":"ops@example.org","requestedTier":"aggressive","account":"{{Account}}"}"""), HttpStatusCode.Created);
        var key = (await Ok(Silo.PostAsync($"/api/operator/protocols/{mine}/approve", Silo.OperatorKey, "{}"))).GetProperty("apiKey").GetString();

        using var read = await Silo.GetAsync("/api/protocols/someone-else/vaults/local-a/health", key);
        using var move = await Silo.PostAsync("/api/protocols/someone-else/vaults/local-a/deposits", key, """{"asset":"WETH","amount":"1"}""", idempotencyKey: "x-1");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
    }
}
