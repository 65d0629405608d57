using System.Globalization;
using System.Threading.RateLimiting;
using Mesh.Api.Authentication;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Mesh.Api.RateLimiting;

/// <summary>
/// The API's rate limit policy: a token bucket per API key id, or per remote address for requests without a valid
/// key; a refused request gets 429 <c>rate_limited</c> with <c>Retry-After</c>. Applied to the API route group.
/// </summary>
public static class ApiRateLimiting
{
    /// <summary>The policy name (<c>.RequireRateLimiting(ApiRateLimiting.PolicyName)</c>).</summary>
    public const string PolicyName = "mesh-api";

    internal static void Configure(RateLimiterOptions limiter, MeshApiRateLimitOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PolicyName, context =>
        {
            var caller = ApiCaller.From(context.User);
            return caller is not null
                ? RateLimitPartition.GetTokenBucketLimiter("key:" + caller.KeyId, _ => Bucket(options.TokenLimit, options.TokensPerPeriod, options.ReplenishmentPeriod))
                : RateLimitPartition.GetTokenBucketLimiter(
                    "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => Bucket(options.AnonymousTokenLimit, options.AnonymousTokensPerPeriod, options.ReplenishmentPeriod));
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                : (int)Math.Ceiling(options.ReplenishmentPeriod.TotalSeconds);
            var context = rejected.HttpContext;
            await ApiProblems.WriteAsync(context, ApiProblems.Create(
                context,
                StatusCodes.Status429TooManyRequests,
                ApiErrorCodes.RateLimited,
                string.Create(CultureInfo.InvariantCulture, $"Too many requests for this key; retry after {Math.Max(1, seconds)} second(s).")),
                seconds);
        };
    }

    private static TokenBucketRateLimiterOptions Bucket(int limit, int perPeriod, TimeSpan period) => new()
    {
        TokenLimit = limit,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
