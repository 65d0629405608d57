using System.Net;
using System.Text.Json;
using Mesh.Api.Tests.Infrastructure;

namespace Mesh.Api.Tests.Keys;

[Collection(SharedSiloCollection.Name)]
public sealed class ApiKeyEndpointsTests(SharedSilo shared)
{
    private readonly ApiSilo _silo = shared.Silo;

    [Fact]
    public async Task Create_ProtocolKey_ReturnsKeyOnceAndItAuthenticates()
    {
        using var response = await _silo.PostAsync("api/operator/keys", _silo.OperatorKey, """{"role":"protocol","principal":"gamma","name":"gamma prod"}""");
        var body = await ApiSilo.ReadJsonAsync(response);
        var key = body.GetProperty("key").GetString()!;
        var details = body.GetProperty("details");

        using var use = await _silo.PostAsync("test/api/protocols/gamma/touch", key, "{}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/operator/keys/{details.GetProperty("keyId").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("protocol", details.GetProperty("role").GetString());
        Assert.Equal("gamma", details.GetProperty("principal").GetString());
        Assert.Equal(JsonValueKind.Null, details.TryGetProperty("revokedAt", out var revoked) ? revoked.ValueKind : JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.OK, use.StatusCode);
    }

    [Theory]
    [InlineData("""{"role":"king","principal":"a"}""", "role", "request.invalid_field")]
    [InlineData("""{"role":"protocol"}""", "principal", "request.invalid_name")]
    [InlineData("""{"role":"protocol","principal":"Has Spaces"}""", "principal", "request.invalid_name")]
    [InlineData("""{"role":"operator","principal":"x"}""", "principal", "request.invalid_field")]
    [InlineData("""{"role":"router","principal":"r","name":"x","admin":true}""", "admin", "request.unknown_field")]
    [InlineData("""{"role":5}""", "role", "request.invalid_field")]
    [InlineData("""{"principal":"a"}""", "role", "request.missing_field")]
    public async Task Create_InvalidRequest_Is400NamingFieldAndCreatesNothing(string json, string field, string code)
    {
        var before = await CountKeysAsync();

        using var response = await _silo.PostAsync("api/operator/keys", _silo.OperatorKey, json);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, code, field);
        Assert.Equal(before, await CountKeysAsync());
    }

    [Fact]
    public async Task List_MoreKeysThanAPage_WalksEveryKeyOnceInOrderWithoutSecrets()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await _silo.CreateKeyAsync("oracle-feeder", $"feeder-{i}"));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        var raw = new System.Text.StringBuilder();
        do
        {
            using var response = await _silo.GetAsync($"api/operator/keys?limit=2{(cursor is null ? string.Empty : "&cursor=" + cursor)}", _silo.OperatorKey);
            var text = await response.Content.ReadAsStringAsync();
            raw.Append(text);
            var page = JsonDocument.Parse(text).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("keyId").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 1000);

        Assert.True(pages >= 3, $"at least 3 pages of 2, got {pages}");
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.All(created, key => Assert.Contains(key.Split('_')[1], seen));
        Assert.All(created, key => Assert.DoesNotContain(key.Split('_', 3)[2], raw.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("limit=0", "limit", "pagination.invalid_limit")]
    [InlineData("limit=abc", "limit", "pagination.invalid_limit")]
    [InlineData("cursor=bogus", "cursor", "pagination.invalid_cursor")]
    public async Task List_BadQuery_Is400NamingIt(string query, string field, string code)
    {
        using var response = await _silo.GetAsync($"api/operator/keys?{query}", _silo.OperatorKey);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task Revoke_UnknownKey_Is404()
    {
        using var response = await _silo.SendAsync(HttpMethod.Delete, "api/operator/keys/00000000deadbeef", _silo.OperatorKey);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.NotFound, "api_key.not_found");
    }

    private async Task<int> CountKeysAsync()
    {
        using var response = await _silo.GetAsync("api/operator/keys?limit=500", _silo.OperatorKey);
        return (await ApiSilo.ReadJsonAsync(response)).GetProperty("items").GetArrayLength();
    }
}
