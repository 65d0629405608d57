using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mesh.Dashboard.Tests;

/// <summary>Who may open the dashboards: an operator, by key or by the session cookie the login gives; nobody else.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardAccessTests(DashboardSilo silo)
{
    [Fact]
    public async Task Dashboards_WithoutOperator_AreRefusedAndTheSessionCookieIsScopedAndHttpOnly()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = silo.Process.BaseAddress };
        var feeder = (await silo.Http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/operator/keys", silo.OperatorKey, """{"role":"oracle-feeder","principal":"dash-feed"}""")).GetProperty("key").GetString()!;

        // No session: pages go to the login page, data and the Orleans Dashboard's own endpoints answer 401.
        foreach (var page in new[] { "ops/mesh", "ops/orleans", "ops/orleans/" })
        {
            using var response = await SendAsync(http, HttpMethod.Get, page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/ops/login", response.Headers.Location?.OriginalString);
        }

        foreach (var data in new[] { "ops/api/summary", "ops/api/events", "ops/orleans/DashboardCounters", "ops/orleans/index.min.js", "api/operator/summary" })
        {
            using var response = await SendAsync(http, HttpMethod.Get, data);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A forged cookie is no session; a key of another role is refused, and gets no session.
        using (var forged = await SendAsync(http, HttpMethod.Get, "ops/orleans/DashboardCounters", cookie: "mesh_ops=not-a-session"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var other = await SendAsync(http, HttpMethod.Get, "ops/orleans/DashboardCounters", feeder))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        using (var otherLogin = await SendAsync(http, HttpMethod.Post, "ops/session", feeder))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherLogin.StatusCode);
            Assert.False(otherLogin.Headers.Contains("Set-Cookie"));
        }

        // The operator's login: a session cookie for /ops only, HttpOnly and SameSite=Strict, that is not the key.
        using var login = await SendAsync(http, HttpMethod.Post, "ops/session", silo.OperatorKey);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mesh_ops=", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/ops;", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(silo.OperatorKey.Split('_', 3)[2], setCookie, StringComparison.Ordinal);
        var cookie = setCookie.Split(';')[0];

        using (var orleans = await SendAsync(http, HttpMethod.Get, "ops/orleans/", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.OK, orleans.StatusCode);
            Assert.Contains("<title>Orleans Dashboard</title>", await orleans.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var summary = await SendAsync(http, HttpMethod.Get, "ops/api/summary", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            using var json = JsonDocument.Parse(await summary.Content.ReadAsStringAsync());
            Assert.Equal(["USDC", "WETH"], json.RootElement.GetProperty("pools").EnumerateArray().Select(p => p.GetProperty("asset").GetString()));
            Assert.Equal(3, json.RootElement.GetProperty("chains").GetArrayLength());
        }

        // The session cookie reaches /ops only: the API proper still wants a key.
        using (var api = await SendAsync(http, HttpMethod.Get, "api/operator/summary", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using (var logout = await SendAsync(http, HttpMethod.Post, "ops/logout", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        using var afterLogout = await SendAsync(http, HttpMethod.Get, "ops/orleans/", cookie: cookie);
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
        Assert.DoesNotContain(silo.OperatorKey.Split('_', 3)[2], silo.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_OfARevokedKey_IsRefused()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = silo.Process.BaseAddress };
        var created = await silo.Http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/operator/keys", silo.OperatorKey, """{"role":"operator"}""");
        var key = created.GetProperty("key").GetString()!;
        using var login = await SendAsync(http, HttpMethod.Post, "ops/session", key);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using (var before = await SendAsync(http, HttpMethod.Get, "ops/api/summary", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await silo.Http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/api/operator/keys/{created.GetProperty("details").GetProperty("keyId").GetString()}", silo.OperatorKey);

        // The silo that revoked forgets the key at once; the session stands for the key, so it ends with it.
        using var after = await SendAsync(http, HttpMethod.Get, "ops/api/summary", cookie: cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? key = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
