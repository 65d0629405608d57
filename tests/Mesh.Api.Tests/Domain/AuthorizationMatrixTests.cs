using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Mesh.Api.Tests.Domain;

/// <summary>Every endpoint against every caller: no key, operator, the protocol itself, another protocol, a router and an oracle feeder.</summary>
[Collection(DomainSiloCollection.Name)]
public sealed class AuthorizationMatrixTests(DomainSilo fixture)
{
    [Theory]
    [MemberData(nameof(MatrixEndpoints.Cells), MemberType = typeof(MatrixEndpoints))]
    public async Task Send_CallerOnEndpoint_OutcomeOfItsRole(string endpoint, Caller caller)
    {
        var sut = MatrixEndpoints.All.Single(e => e.Name == endpoint);
        var rule = sut.Rules[caller];
        var target = await sut.Prepare(fixture, caller);
        var key = caller == Caller.Protocol && target.OwnKey is not null ? target.OwnKey : fixture.KeyOf(caller);
        using var request = new HttpRequestMessage(sut.Method, target.Path.TrimStart('/'));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (sut.Idempotent)
        {
            request.Headers.Add("Idempotency-Key", "matrix-" + Guid.NewGuid().ToString("N"));
        }

        if (target.Body is not null)
        {
            request.Content = new StringContent(target.Body, Encoding.UTF8, "application/json");
        }

        using var response = await fixture.Silo.Http.SendAsync(request);

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var because = $"{endpoint} as {caller}: expected {rule}, got {status}: {text}";
        switch (rule)
        {
            case AccessRule.Unauthorized:
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                break;
            case AccessRule.Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, because);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("\"auth.forbidden\"", text, StringComparison.Ordinal);
                break;
            case AccessRule.Ok:
                Assert.True(status is >= 200 and < 300, because);
                break;
            default:
                Assert.True(status is >= 200 and < 500 and not 401 and not 403, because);
                break;
        }
    }

    [Fact]
    public void Matrix_CoversEveryCallerOfEveryEndpoint()
    {
        Assert.All(MatrixEndpoints.All, e => Assert.Equal(Enum.GetValues<Caller>().Length, e.Rules.Count));
        Assert.True(MatrixEndpoints.All.Count >= 24);
    }
}
