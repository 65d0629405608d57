using Mesh.Risk.Volatility;

namespace Mesh.Risk.Tests.Volatility;

public sealed class EwmaTests
{
    // Hull, Chapter 23 (EWMA): λ = 0.90, σ = 1% per day, return 2% → σ = 1.1402%.
    [Fact]
    public void UpdateVariance_HullExample_MatchesTextbook()
    {
        var sut = Ewma.UpdateVariance(0.01 * 0.01, 0.02, lambda: 0.90);

        Assert.Equal(0.011402, Math.Sqrt(sut), 0.0000005);
    }

    [Fact]
    public void VarianceSeries_DefaultLambda_IsRiskMetrics()
    {
        double[] returns = [0.01, -0.02, 0.015];

        var sut = Ewma.VarianceSeries(returns);

        var expected = (0.94 * ((0.94 * 0.0001) + (0.06 * 0.0004))) + (0.06 * 0.000225);
        Assert.Equal(expected, sut[^1], 1e-18);
        Assert.Equal(Math.Sqrt(expected), Ewma.Volatility(returns), 1e-15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void UpdateVariance_LambdaOutsideUnitInterval_Throws(double lambda)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ewma.UpdateVariance(0.0001, 0.01, lambda));

        Assert.Equal("lambda", ex.ParamName);
    }
}
