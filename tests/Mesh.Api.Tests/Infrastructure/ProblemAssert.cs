using System.Net;
using System.Text.Json;

namespace Mesh.Api.Tests.Infrastructure;

/// <summary>Asserts the RFC 9457 shape every error response has.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var body = await ApiSilo.ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal("urn:mesh:problem:" + code, body.GetProperty("type").GetString());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        if (field is not null)
        {
            Assert.Equal(field, body.GetProperty("field").GetString());
            Assert.StartsWith(field, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        return body;
    }
}
