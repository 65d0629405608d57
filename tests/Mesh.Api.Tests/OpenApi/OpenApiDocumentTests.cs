using System.Net;
using Mesh.Api.Tests.Infrastructure;

namespace Mesh.Api.Tests.OpenApi;

[Collection(SharedSiloCollection.Name)]
public sealed class OpenApiDocumentTests(SharedSilo shared)
{
    private readonly ApiSilo _silo = shared.Silo;

    [Fact]
    public async Task Get_WithoutKey_ServesTheDocumentListingEndpointsSecurityAndProblems()
    {
        using var response = await _silo.GetAsync("openapi/v1.json", key: null);
        var document = await ApiSilo.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        var keys = paths.GetProperty("/api/operator/keys");
        Assert.True(keys.TryGetProperty("post", out var create));
        Assert.True(keys.TryGetProperty("get", out var list));
        Assert.True(paths.GetProperty("/api/operator/keys/{keyId}").TryGetProperty("delete", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("Problem", out _));
        Assert.True(create.TryGetProperty("security", out _));
        foreach (var status in new[] { "400", "401", "403", "429" })
        {
            Assert.True(create.GetProperty("responses").TryGetProperty(status, out var problem), $"POST keys documents {status}");
            Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _));
        }

        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "cursor");
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "limit");
        var deposit = paths.GetProperty("/test/api/deposits/{account}").GetProperty("post");
        Assert.Contains(deposit.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("required").GetBoolean());
        Assert.True(deposit.GetProperty("responses").TryGetProperty("409", out _));
    }
}
