using Mesh.Chains;
using Mesh.Grains.Chains;

namespace Mesh.Grains.Tests.Chains;

public sealed class ChainHealthClassifierTests
{
    private static readonly TimeSpan Block = TimeSpan.FromSeconds(2);
    private static readonly ChainMonitorOptions Options = new();

    private static ChainHealthInputs Good() => new(Block, HasHead: true, FailedPollsInARow: 0, GoodPollsSinceFailure: null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), null);

    [Fact]
    public void Classify_AdvancingChainWithoutFailures_IsHealthy() =>
        Assert.Equal(ChainHealth.Healthy, ChainHealthClassifier.Classify(Good(), Options).Health);

    [Theory]
    [InlineData(9.999, ChainHealth.Healthy)]
    [InlineData(10, ChainHealth.Halted)]
    [InlineData(60, ChainHealth.Halted)]
    public void Classify_NoAdvanceForFiveBlockTimes_IsHalted(double secondsSinceAdvance, ChainHealth expected)
    {
        var inputs = Good() with { SinceAdvance = TimeSpan.FromSeconds(secondsSinceAdvance), HeadAge = TimeSpan.FromSeconds(1) };

        Assert.Equal(expected, ChainHealthClassifier.Classify(inputs, Options).Health);
    }

    [Theory]
    [InlineData(1, null, ChainHealth.Degraded)]
    [InlineData(2, null, ChainHealth.Degraded)]
    [InlineData(3, null, ChainHealth.Unreachable)]
    [InlineData(0, 0, ChainHealth.Degraded)]
    [InlineData(0, 2, ChainHealth.Degraded)]
    [InlineData(0, 3, ChainHealth.Healthy)]
    public void Classify_RecentFailures_DegradedThenUnreachableThenRecovered(int failedInARow, int? goodSince, ChainHealth expected)
    {
        var inputs = Good() with { FailedPollsInARow = failedInARow, GoodPollsSinceFailure = goodSince ?? (failedInARow > 0 ? 0 : null), LastErrorCode = "chain.timeout" };

        var (health, reason) = ChainHealthClassifier.Classify(inputs, Options);

        Assert.Equal(expected, health);
        if (health != ChainHealth.Healthy)
        {
            Assert.Contains("chain.timeout", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Classify_HeadOlderThanThreeBlockTimes_IsDegraded()
    {
        var (health, reason) = ChainHealthClassifier.Classify(Good() with { HeadAge = TimeSpan.FromSeconds(6.5) }, Options);

        Assert.Equal(ChainHealth.Degraded, health);
        Assert.Contains("old", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UnreachableAndHalted_UnreachableWins()
    {
        var inputs = Good() with { FailedPollsInARow = 5, GoodPollsSinceFailure = 0, SinceAdvance = TimeSpan.FromMinutes(5) };

        Assert.Equal(ChainHealth.Unreachable, ChainHealthClassifier.Classify(inputs, Options).Health);
    }

    [Fact]
    public void Classify_NeverAnswered_IsUnreachable()
    {
        var inputs = Good() with { HasHead = false, FailedPollsInARow = 1, GoodPollsSinceFailure = 0, LastErrorCode = "chain.unavailable" };

        var (health, reason) = ChainHealthClassifier.Classify(inputs, Options);

        Assert.Equal(ChainHealth.Unreachable, health);
        Assert.Contains("chain.unavailable", reason, StringComparison.Ordinal);
    }
}
