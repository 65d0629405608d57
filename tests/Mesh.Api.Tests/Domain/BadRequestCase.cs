using System.Net;
using System.Text.Json;

namespace Mesh.Api.Tests.Domain;

/// <summary>One malformed request and the problem it must get: status, stable code, and the field at fault (null: none is asserted).</summary>
public sealed record BadRequestCase(
    string Name,
    HttpMethod Method,
    string Path,
    Caller Caller,
    string? Body,
    HttpStatusCode Status,
    string Code,
    string? Field,
    bool Idempotent = false,
    string ContentType = "application/json",
    string? IdempotencyKey = null)
{
    /// <summary>Asserts the answer: the status, <c>application/problem+json</c>, the code and the field.</summary>
    public async Task AssertAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == Status, $"{Name}: expected {(int)Status} {Code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(Code == problem.GetProperty("code").GetString(), $"{Name}: expected code {Code}: {text}");
        Assert.Equal((int)Status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), text);
        if (Field is not null)
        {
            Assert.True(problem.TryGetProperty("field", out var field) && field.GetString() == Field, $"{Name}: expected field {Field}: {text}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
