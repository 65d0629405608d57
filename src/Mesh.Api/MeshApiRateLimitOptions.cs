namespace Mesh.Api;

/// <summary>
/// Token buckets, one per API key (and one per remote address for requests without a valid key): a bucket holds up to
/// its limit, refills every period, and a request finding it empty gets 429 <c>rate_limited</c> with <c>Retry-After</c>.
/// </summary>
public sealed class MeshApiRateLimitOptions
{
    /// <summary>Gets or sets the burst a key may send at once.</summary>
    /// <value>The default is 100.</value>
    public int TokenLimit { get; set; } = 100;

    /// <summary>Gets or sets the requests a key regains every <see cref="ReplenishmentPeriod"/>.</summary>
    /// <value>The default is 50.</value>
    public int TokensPerPeriod { get; set; } = 50;

    /// <summary>Gets or sets how often buckets refill.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the burst of one remote address without a valid key.</summary>
    /// <value>The default is 20.</value>
    public int AnonymousTokenLimit { get; set; } = 20;

    /// <summary>Gets or sets the requests an address without a valid key regains every period.</summary>
    /// <value>The default is 10.</value>
    public int AnonymousTokensPerPeriod { get; set; } = 10;

    /// <summary>Checks every value; each problem names the setting under <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The section path.</param>
    /// <returns>One message per problem.</returns>
    public IEnumerable<string> Validate(string prefix)
    {
        if (TokenLimit < 1)
        {
            yield return $"{prefix}:TokenLimit: must be at least 1, got {TokenLimit}.";
        }

        if (TokensPerPeriod < 1 || TokensPerPeriod > Math.Max(TokenLimit, 1))
        {
            yield return $"{prefix}:TokensPerPeriod: must be between 1 and {prefix}:TokenLimit ({TokenLimit}), got {TokensPerPeriod}.";
        }

        if (ReplenishmentPeriod < TimeSpan.FromMilliseconds(10) || ReplenishmentPeriod > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:ReplenishmentPeriod: must be between 00:00:00.010 and 01:00:00, got {ReplenishmentPeriod}.";
        }

        if (AnonymousTokenLimit < 1)
        {
            yield return $"{prefix}:AnonymousTokenLimit: must be at least 1, got {AnonymousTokenLimit}.";
        }

        if (AnonymousTokensPerPeriod < 1 || AnonymousTokensPerPeriod > Math.Max(AnonymousTokenLimit, 1))
        {
            yield return $"{prefix}:AnonymousTokensPerPeriod: must be between 1 and {prefix}:AnonymousTokenLimit ({AnonymousTokenLimit}), got {AnonymousTokensPerPeriod}.";
        }
    }
}
