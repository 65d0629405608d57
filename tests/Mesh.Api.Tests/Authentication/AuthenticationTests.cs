using System.Net;
using System.Net.Http.Headers;
using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing;

namespace Mesh.Api.Tests.Authentication;

[Collection(SharedSiloCollection.Name)]
public sealed class AuthenticationTests(SharedSilo shared)
{
    private readonly ApiSilo _silo = shared.Silo;

    [Fact]
    public async Task Request_NoKey_Is401MissingKeyWithChallenge()
    {
        using var response = await _silo.GetAsync("api/operator/keys", key: null);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "auth.missing_key");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("mesh_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Request_MalformedOrUnknownKey_Is401InvalidKey(string key)
    {
        using var response = await _silo.GetAsync("api/operator/keys", key);

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_key");
        Assert.DoesNotContain(key, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_RightIdWrongSecret_Is401InvalidKey()
    {
        var key = await _silo.CreateKeyAsync("router", "router-wrong-secret");
        var forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var response = await _silo.GetAsync("test/api/deposits/any", forged);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_key");
    }

    [Fact]
    public async Task Request_XApiKeyHeader_Authenticates()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/operator/keys?limit=1");
        request.Headers.Add("X-Api-Key", _silo.OperatorKey);

        using var response = await _silo.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_RevokedKey_Is401OnceRevoked()
    {
        var key = await _silo.CreateKeyAsync("router", "router-revoked");
        var keyId = key.Split('_')[1];
        using var before = await _silo.GetAsync("test/api/deposits/any", key);

        using var revoke = await _silo.SendAsync(HttpMethod.Delete, $"api/operator/keys/{keyId}", _silo.OperatorKey);
        using var after = await _silo.GetAsync("test/api/deposits/any", key);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.NotNull((await ApiSilo.ReadJsonAsync(revoke)).GetProperty("revokedAt").GetString());
        await ProblemAssert.AssertAsync(after, HttpStatusCode.Unauthorized, "auth.invalid_key");
    }

    [Theory]
    [InlineData("protocol")]
    [InlineData("router")]
    [InlineData("oracle-feeder")]
    public async Task OperatorEndpoint_OtherRole_Is403Forbidden(string role)
    {
        var key = await _silo.CreateKeyAsync(role, $"{role}-403");

        using var response = await _silo.GetAsync("api/operator/keys", key);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ProtocolEndpoint_OwnProtocol_IsAllowedAndAnotherIs403()
    {
        var alpha = await _silo.CreateKeyAsync("protocol", "alpha");

        using var own = await _silo.PostAsync("test/api/protocols/alpha/touch", alpha, "{}");
        using var other = await _silo.PostAsync("test/api/protocols/beta/touch", alpha, "{}");
        using var router = await _silo.PostAsync("test/api/protocols/alpha/touch", await _silo.CreateKeyAsync("router", "r1"), "{}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ProblemAssert.AssertAsync(other, HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.AssertAsync(router, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Logs_AfterKeysWereUsedAndRefused_NeverContainASecret()
    {
        var key = await _silo.CreateKeyAsync("protocol", "log-check");
        var secret = key.Split('_', 3)[2];
        using (await _silo.GetAsync("test/api/deposits/x", key))
        using (await _silo.GetAsync("api/operator/keys", key))
        using (await _silo.GetAsync("test/api/deposits/x", key[..^1] + (key[^1] == 'A' ? 'B' : 'A')))
        using (await _silo.PostAsync("test/api/failures", key, """{"amount":"1","gate":"boom"}"""))
        {
        }

        // The console logger writes on its own thread: wait for the last request's line before reading the output.
        await Eventually.TrueAsync(() => _silo.Process.Output.Contains("Unhandled failure of POST /test/api/failures", StringComparison.Ordinal), "the silo logged the failure", TimeSpan.FromSeconds(10));
        var output = _silo.Process.Output;
        Assert.Contains("API key refused", output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..20], output, StringComparison.Ordinal);
        Assert.DoesNotContain(_silo.OperatorKey.Split('_', 3)[2], output, StringComparison.Ordinal);
    }
}
