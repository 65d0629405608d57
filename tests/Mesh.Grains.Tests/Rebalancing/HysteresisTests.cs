using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>Yearn-style damping: band, minimum change, minimum wait; urgency skips the wait.</summary>
public sealed class HysteresisTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1.40, 5_000, null, "InsideBand")]
    [InlineData(1.25, 5_000, null, "InsideBand")]
    [InlineData(1.20, 5_000, null, "Act")]
    [InlineData(1.70, 5_000, null, "Act")]
    [InlineData(1.20, 999, null, "TooSmall")]
    [InlineData(1.20, 5_000, 60, "TooSoon")]
    [InlineData(1.20, 5_000, 300, "Act")]
    [InlineData(0.95, 5_000, 60, "Act")]
    public void Decide_Examples(double hf, long change, int? secondsSinceLast, string expected)
    {
        DateTimeOffset? last = secondsSinceLast is { } s ? Now.AddSeconds(-s) : null;

        var sut = Hysteresis.Decide(hf, 1.25, 1.6, (UInt128)change, 1_000, last, Wait, Now);

        Assert.Equal(Enum.Parse<HysteresisDecision>(expected), sut);
    }

    [Fact]
    public void Decide_AVaultOscillatingAroundTheBandEdge_ActsAtMostOncePerWait()
    {
        var acted = new List<DateTimeOffset>();
        DateTimeOffset? last = null;
        for (var second = 0; second < 3_600; second += 10)
        {
            var now = Now.AddSeconds(second);
            var hf = 1.25 + (0.02 * Math.Sin(second / 30.0)); // dips below 1.25 about every three minutes
            if (Hysteresis.Decide(hf, 1.25, 1.6, 5_000, 1_000, last, Wait, now) == HysteresisDecision.Act)
            {
                acted.Add(now);
                last = now;
            }
        }

        Assert.NotEmpty(acted);
        Assert.All(acted.Zip(acted.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Wait));
        Assert.True(acted.Count <= 12, $"acted {acted.Count} times in an hour");
    }
}
