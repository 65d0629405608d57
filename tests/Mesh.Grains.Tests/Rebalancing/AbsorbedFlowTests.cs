using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The <c>u</c> of the spillover gate: the mesh's completed sales of the trailing day, in fractions of a day's depth.</summary>
public sealed class AbsorbedFlowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Total_SalesWithinTheDay_AddUp()
    {
        var sut = new AbsorbedFlow();

        sut.Add(Start, 0.01);
        sut.Add(Start.AddSeconds(30), 0.02);
        sut.Add(Start.AddHours(5), 0.04);

        Assert.Equal(0.07, sut.Total(Start.AddHours(6)), 12);
    }

    [Fact]
    public void Total_ADayAfterASale_NoLongerCountsIt()
    {
        var sut = new AbsorbedFlow();
        sut.Add(Start, 0.5);
        sut.Add(Start.AddHours(12), 0.1);

        Assert.Equal(0.6, sut.Total(Start.AddHours(23)), 12);
        Assert.Equal(0.1, sut.Total(Start.AddHours(24)), 12);
        Assert.Equal(0.0, sut.Total(Start.AddHours(36)));
        Assert.Equal(0, sut.Buckets);
    }

    [Fact]
    public void Add_ManySalesInAMinute_ShareOneBucket()
    {
        var sut = new AbsorbedFlow();

        // Two days of a sale every second: a day's minute buckets at most, whatever is sold.
        for (var second = 0; second < 2 * 86_400; second++)
        {
            sut.Add(Start.AddSeconds(second), 1e-6);
        }

        // The trailing day's, to the minute: a bucket goes whole once its first sale is a day old.
        var total = sut.Total(Start.AddSeconds(2 * 86_400));
        Assert.InRange(total, (86_400 - 60) * 1e-6 - 1e-12, (86_400 * 1e-6) + 1e-12);
        Assert.InRange(sut.Buckets, 1_439, 1_441);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_NothingOrNoNumber_CountsNothing(double fraction)
    {
        var sut = new AbsorbedFlow();
        sut.Add(Start, 0.2);

        sut.Add(Start.AddSeconds(1), fraction);

        Assert.Equal(0.2, sut.Total(Start.AddSeconds(2)), 12);
    }
}
