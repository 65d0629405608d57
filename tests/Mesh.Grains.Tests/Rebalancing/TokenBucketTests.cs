using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>CCIP-style token buckets: capacity, whole-second refill, and how long a refused request waits.</summary>
public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTake_BeyondTheTokens_RefusesWithTheCeilingOfTheWait()
    {
        var sut = TokenBucket.Full(1_000, 30, T0);
        Assert.True(sut.TryTake(900, T0, out _));

        var taken = sut.TryTake(200, T0, out var wait);

        // 100 left, 100 missing at 30 per second: ⌈100 / 30⌉ = 4 s.
        Assert.False(taken);
        Assert.Equal(TimeSpan.FromSeconds(4), wait);
        Assert.Equal((UInt128)100, sut.Available(T0));
    }

    [Fact]
    public void TryTake_AfterTheWaitItWasTold_Succeeds()
    {
        var sut = TokenBucket.Full(1_000, 30, T0);
        sut.TryTake(900, T0, out _);
        sut.TryTake(200, T0, out var wait);

        Assert.False(sut.TryTake(200, T0 + wait - TimeSpan.FromSeconds(1), out _));
        Assert.True(sut.TryTake(200, T0 + wait, out _));
        Assert.Equal((UInt128)20, sut.Available(T0 + wait)); // 100 + 4 × 30 − 200
    }

    [Fact]
    public void Available_RefillsInWholeSecondsAndNeverAboveCapacity()
    {
        var sut = TokenBucket.Full(1_000, 7, T0);
        sut.TryTake(1_000, T0, out _);

        Assert.Equal(UInt128.Zero, sut.Available(T0.AddMilliseconds(999)));
        Assert.Equal((UInt128)7, sut.Available(T0.AddMilliseconds(1_500)));
        Assert.Equal((UInt128)14, sut.Available(T0.AddSeconds(2)));
        Assert.Equal((UInt128)1_000, sut.Available(T0.AddDays(3)));
    }

    [Fact]
    public void TryTake_MoreThanTheCapacity_NeverFits()
    {
        var sut = TokenBucket.Full(1_000, 10, T0);

        Assert.False(sut.TryTake(1_001, T0.AddHours(1), out var wait));
        Assert.Equal(Timeout.InfiniteTimeSpan, wait);
    }

    [Fact]
    public void Return_GivesTokensBackUpToTheCapacity()
    {
        var sut = TokenBucket.Full(1_000, 10, T0);
        sut.TryTake(600, T0, out _);

        sut.Return(250, T0);
        var partly = sut.Available(T0);
        sut.Return(10_000, T0);

        Assert.Equal((UInt128)650, partly);
        Assert.Equal((UInt128)1_000, sut.Available(T0));
    }
}
