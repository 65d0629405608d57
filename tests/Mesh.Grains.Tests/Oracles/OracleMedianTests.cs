using Mesh.Grains.Oracles;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Median of mantissas and the k·MAD outlier filter.</summary>
public sealed class OracleMedianTests
{
    [Theory]
    [InlineData(new long[] { 7 }, 7)]
    [InlineData(new long[] { 1, 5, 9 }, 5)]
    [InlineData(new long[] { 1, 2, 100, 1000, 5000 }, 100)]
    [InlineData(new long[] { 10, 20 }, 15)]
    [InlineData(new long[] { 1, 2, 4, 100 }, 3)]
    [InlineData(new long[] { 10, 11 }, 10)]
    [InlineData(new long[] { long.MaxValue - 1, long.MaxValue }, long.MaxValue - 1)]
    public void Median_SortedValues_MiddleOrMeanOfTwoMiddleRoundedDown(long[] sorted, long expected) =>
        Assert.Equal(expected, OracleMedian.Median(sorted));

    [Fact]
    public void Filter_OneFarSource_RejectedAsOutlier()
    {
        var (kept, outliers) = OracleMedian.Filter([("a", 10_000), ("b", 10_010), ("c", 9_990), ("d", 10_005), ("e", 15_000)], 5.0, 0.0);

        Assert.Equal(["c", "a", "d", "b"], kept.Select(k => k.Source));
        var outlier = Assert.Single(outliers);
        Assert.Equal(("e", OracleRejectionReason.Outlier), (outlier.Source, outlier.Reason));
    }

    [Fact]
    public void Filter_MadZeroAndNoFloor_RejectsAnyDeviation()
    {
        var (kept, outliers) = OracleMedian.Filter([("a", 10_000), ("b", 10_000), ("c", 10_000), ("d", 10_001)], 5.0, 0.0);

        Assert.Equal(3, kept.Count);
        Assert.Equal("d", Assert.Single(outliers).Source);
    }

    [Fact]
    public void Filter_MadZeroWithinFloor_KeepsTheSource()
    {
        // Three agree to the unit (MAD = 0); the fourth is 0.3% away, inside the 0.5% floor.
        var (kept, outliers) = OracleMedian.Filter([("a", 10_000), ("b", 10_000), ("c", 10_000), ("d", 10_030)], 5.0, 0.005);

        Assert.Equal(4, kept.Count);
        Assert.Empty(outliers);
    }

    [Fact]
    public void Filter_MadZeroBeyondFloor_RejectsTheSource()
    {
        var (kept, outliers) = OracleMedian.Filter([("a", 10_000), ("b", 10_000), ("c", 10_000), ("d", 10_100)], 5.0, 0.005);

        Assert.Equal(3, kept.Count);
        Assert.Equal("d", Assert.Single(outliers).Source);
    }

    [Fact]
    public void Filter_AllEqual_KeepsAll()
    {
        var (kept, outliers) = OracleMedian.Filter([("a", 5), ("b", 5), ("c", 5)], 5.0, 0.0);

        Assert.Equal(3, kept.Count);
        Assert.Empty(outliers);
    }

    [Fact]
    public void Filter_TwoSourcesFarApart_NeitherIsAnOutlier()
    {
        // With two, both are exactly one MAD from their mean: the filter cannot tell which is wrong.
        var (kept, outliers) = OracleMedian.Filter([("a", 100), ("b", 200)], 5.0, 0.0);

        Assert.Equal(2, kept.Count);
        Assert.Empty(outliers);
    }
}
