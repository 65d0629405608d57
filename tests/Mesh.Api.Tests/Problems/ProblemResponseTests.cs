using System.Net;
using System.Text;
using Mesh.Api.Tests.Infrastructure;

namespace Mesh.Api.Tests.Problems;

/// <summary>Every refused request is a problem+json with a stable code, names the field, and changes nothing.</summary>
[Collection(SharedSiloCollection.Name)]
public sealed class ProblemResponseTests(SharedSilo shared)
{
    private readonly ApiSilo _silo = shared.Silo;

    [Theory]
    [InlineData("""{"amount":"5",}""", "request.malformed_json", null)]
    [InlineData("""{"amount":"5"} trailing""", "request.malformed_json", null)]
    [InlineData("""{"amount":"5","note":"x"}""", "request.unknown_field", "note")]
    [InlineData("""{"amount":"5","amount":"6"}""", "request.duplicate_field", "amount")]
    [InlineData("""{"gate":"g"}""", "request.missing_field", "amount")]
    [InlineData("""{"amount":5}""", "request.invalid_amount", "amount")]
    [InlineData("""{"amount":"1.5"}""", "request.invalid_amount", "amount")]
    [InlineData("""{"amount":"0"}""", "request.invalid_amount", "amount")]
    [InlineData("""{"amount":"340282366920938463463374607431768211456"}""", "request.invalid_amount", "amount")]
    [InlineData("""{"amount":"5","gate":7}""", "request.invalid_field", "gate")]
    public async Task Deposit_RefusedBody_Is400NamingTheFieldAndMovesNothing(string json, string code, string? field)
    {
        var account = "refused-" + Guid.NewGuid().ToString("N");

        using var response = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, json, Guid.NewGuid().ToString());
        using var balance = await _silo.GetAsync($"test/api/deposits/{account}", _silo.OperatorKey);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, code, field);
        Assert.Equal(0, (await ApiSilo.ReadJsonAsync(balance)).GetProperty("operations").GetInt32());
    }

    [Fact]
    public async Task Deposit_MalformedJson_SaysWhereItBroke()
    {
        using var response = await _silo.PostAsync("test/api/deposits/where", _silo.OperatorKey, "{\n  \"amount\": \"5\"\n  \"gate\": \"x\"\n}", "where-1");

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "request.malformed_json");
        Assert.Contains("line 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413AndCreatesNothing()
    {
        var before = await KeyCountAsync();
        var json = $$"""{"role":"router","principal":"big","name":"{{new string('x', 5000)}}"}""";

        using var response = await _silo.PostAsync("api/operator/keys", _silo.OperatorKey, json);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");
        Assert.Equal(before, await KeyCountAsync());
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Is413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/operator/keys");
        request.Headers.Authorization = new("Bearer", _silo.OperatorKey);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 9000) + "{}")));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await _silo.Http.SendAsync(request);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/operator/keys");
        request.Headers.Authorization = new("Bearer", _silo.OperatorKey);
        request.Content = new StringContent("role=router", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _silo.Http.SendAsync(request);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Get_UnknownRoute_Is404Problem()
    {
        using var response = await _silo.GetAsync("api/nothing-here", _silo.OperatorKey);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.NotFound, "request.route_not_found");
    }

    [Fact]
    public async Task Post_DomainRefusal_Is422WithTheDomainCodeAndField()
    {
        using var response = await _silo.PostAsync("test/api/refusals", _silo.OperatorKey, """{"amount":"99"}""", "refusal-1");

        await ProblemAssert.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "test.cap_reached", "amount");
    }

    [Fact]
    public async Task Post_UnhandledException_Is500WithAGenericDetailAndNoStack()
    {
        using var response = await _silo.PostAsync("test/api/failures", _silo.OperatorKey, """{"amount":"1","gate":"hidden-detail"}""");

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.InternalServerError, "internal");
        var text = problem.ToString();
        Assert.DoesNotContain("hidden-detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("traceId").GetString()!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<int> KeyCountAsync()
    {
        using var response = await _silo.GetAsync("api/operator/keys?limit=500", _silo.OperatorKey);
        return (await ApiSilo.ReadJsonAsync(response)).GetProperty("items").GetArrayLength();
    }
}
