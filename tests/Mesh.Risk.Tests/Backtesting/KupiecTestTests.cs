using Mesh.Risk.Backtesting;

namespace Mesh.Risk.Tests.Backtesting;

public sealed class KupiecTestTests
{
    // Hand-computed LR_POF = −2[(n−x)ln(1−p) + x ln p] + 2[(n−x)ln(1−x/n) + x ln(x/n)] (evaluated in double with
    // Python's math module); p-values from the χ²(1) closed form erfc(√(LR/2)).
    [Theory]
    [InlineData(1000, 20, 0.01, 7.827239152922488, 0.005146464982499715)]
    [InlineData(250, 0, 0.01, 5.025167926750726, 0.02498150305344971)]
    [InlineData(250, 7, 0.01, 5.496990447792683, 0.019049230890526528)]
    [InlineData(500, 1, 0.01, 4.813360691594513, 0.028239920432053086)]
    public void ProportionOfFailures_HandComputedCase_MatchesStatisticAndPValue(int n, int x, double p, double statistic, double pValue)
    {
        var sut = KupiecTest.ProportionOfFailures(n, x, p);

        Assert.Equal(statistic, sut.Statistic, 1e-10);
        Assert.Equal(pValue, sut.PValue, 1e-10);
        Assert.Equal(1, sut.DegreesOfFreedom);
    }

    [Fact]
    public void ProportionOfFailures_ExactlyExpectedRate_HasZeroStatisticAndPValueOne()
    {
        var sut = KupiecTest.ProportionOfFailures(1000, 10, 0.01);

        Assert.Equal(0.0, sut.Statistic, 1e-12);
        Assert.Equal(1.0, sut.PValue, 1e-12);
        Assert.True(sut.Passes());
    }

    [Fact]
    public void ProportionOfFailures_MoreExceptionsThanExpected_GrowsWithTheExcess()
    {
        var previous = 0.0;
        for (var x = 10; x <= 40; x++)
        {
            var statistic = KupiecTest.ProportionOfFailures(1000, x, 0.01).Statistic;
            Assert.True(statistic > previous || x == 10, $"LR at x = {x} is {statistic}, not above {previous}");
            previous = statistic;
        }

        // The Basel traffic-light intuition: 20 exceptions in 1,000 days at 99% is a rejection at 5%.
        Assert.False(KupiecTest.ProportionOfFailures(1000, 20, 0.01).Passes());
    }

    [Theory]
    [InlineData(0, 0, 0.01)]
    [InlineData(10, 11, 0.01)]
    [InlineData(10, -1, 0.01)]
    [InlineData(10, 1, 0.0)]
    [InlineData(10, 1, 1.0)]
    public void ProportionOfFailures_InvalidArguments_Throw(int n, int x, double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KupiecTest.ProportionOfFailures(n, x, p));
    }
}
