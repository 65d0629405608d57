namespace Mesh.Grains.Rebalancing;

/// <summary>
/// A rate limit in exact base units, as Chainlink CCIP's token buckets: a capacity and a refill rate per second.
/// Tokens come back in whole seconds (so nothing is lost to rounding), never above the capacity; a refused request
/// learns how long to wait: ⌈(requested − available) ÷ rate⌉ seconds. Plain data: the coordinator persists it.
/// </summary>
internal sealed class TokenBucket
{
    /// <summary>Gets or sets the most tokens the bucket holds.</summary>
    public UInt128 Capacity { get; set; }

    /// <summary>Gets or sets the tokens regained per second.</summary>
    public UInt128 RatePerSecond { get; set; }

    /// <summary>Gets or sets the tokens held as of <see cref="RefilledAtUnixSeconds"/>.</summary>
    public UInt128 Tokens { get; set; }

    /// <summary>Gets or sets the whole second the tokens were last brought up to date.</summary>
    public long RefilledAtUnixSeconds { get; set; }

    /// <summary>A full bucket.</summary>
    /// <param name="capacity">The capacity; above zero.</param>
    /// <param name="ratePerSecond">The refill rate; above zero.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The bucket.</returns>
    public static TokenBucket Full(UInt128 capacity, UInt128 ratePerSecond, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(capacity, UInt128.Zero);
        ArgumentOutOfRangeException.ThrowIfEqual(ratePerSecond, UInt128.Zero);
        return new TokenBucket { Capacity = capacity, RatePerSecond = ratePerSecond, Tokens = capacity, RefilledAtUnixSeconds = now.ToUnixTimeSeconds() };
    }

    /// <summary>The tokens available at <paramref name="now"/> (after refill), without taking any.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>The tokens.</returns>
    public UInt128 Available(DateTimeOffset now)
    {
        Refill(now);
        return Tokens;
    }

    /// <summary>Takes <paramref name="amount"/> if available, else nothing.</summary>
    /// <param name="amount">The tokens asked for.</param>
    /// <param name="now">The moment.</param>
    /// <param name="retryAfter">When refused, how long until that many are available; <see cref="Timeout.InfiniteTimeSpan"/> when the request exceeds the capacity.</param>
    /// <returns>Whether the tokens were taken.</returns>
    public bool TryTake(UInt128 amount, DateTimeOffset now, out TimeSpan retryAfter)
    {
        Refill(now);
        if (amount <= Tokens)
        {
            Tokens -= amount;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        if (amount > Capacity)
        {
            retryAfter = Timeout.InfiniteTimeSpan;
            return false;
        }

        var missing = amount - Tokens;
        var seconds = (missing + RatePerSecond - 1) / RatePerSecond;
        retryAfter = TimeSpan.FromSeconds((double)seconds);
        return false;
    }

    /// <summary>Gives tokens back (a grant returned unused), never above the capacity.</summary>
    /// <param name="amount">The tokens.</param>
    /// <param name="now">The moment.</param>
    public void Return(UInt128 amount, DateTimeOffset now)
    {
        Refill(now);
        Tokens = Capacity - Tokens < amount ? Capacity : Tokens + amount;
    }

    private void Refill(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (second <= RefilledAtUnixSeconds)
        {
            return;
        }

        var elapsed = (UInt128)(ulong)(second - RefilledAtUnixSeconds);
        var room = Capacity - Tokens;
        // elapsed × rate can exceed 2^128 only after an absurd gap; the bucket is full long before that.
        Tokens = elapsed > room / RatePerSecond ? Capacity : Tokens + (elapsed * RatePerSecond);
        RefilledAtUnixSeconds = second;
    }
}
