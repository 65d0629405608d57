using System.Net;
using Mesh.Api.Tests.Infrastructure;

namespace Mesh.Api.Tests.RateLimiting;

/// <summary>Each test gets its own silo, so that buckets start full: 5 requests per key, 3 per address without a key, refilled once a minute.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private ApiSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await ApiSilo.StartAsync(
        null,
        "--Mesh:Api:RateLimit:TokenLimit=5",
        "--Mesh:Api:RateLimit:TokensPerPeriod=1",
        "--Mesh:Api:RateLimit:ReplenishmentPeriod=00:01:00",
        "--Mesh:Api:RateLimit:AnonymousTokenLimit=3",
        "--Mesh:Api:RateLimit:AnonymousTokensPerPeriod=1");

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Requests_OverTheKeysBucket_Get429WithRetryAfterWhileAnotherKeyStillPasses()
    {
        var router = await _silo.CreateKeyAsync("router", "busy-router");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _silo.GetAsync("test/api/deposits/x", router);
            statuses.Add(response.StatusCode);
        }

        using var limited = await _silo.GetAsync("test/api/deposits/x", router);
        using var operatorRequest = await _silo.GetAsync("api/operator/keys?limit=1", _silo.OperatorKey);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await ProblemAssert.AssertAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal(HttpStatusCode.OK, operatorRequest.StatusCode);
    }

    [Fact]
    public async Task Requests_WithoutAValidKey_ArePartitionedByAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _silo.GetAsync("api/operator/keys", key: i % 2 == 0 ? null : "mesh_bogus");
            statuses.Add(response.StatusCode);
        }

        using var withKey = await _silo.GetAsync("api/operator/keys?limit=1", _silo.OperatorKey);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(withKey.Headers.RetryAfter is null);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }
}
