using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Backtesting;
using Mesh.Risk.Distributions;

namespace Mesh.Risk.Tests.Backtesting;

public sealed class ChiSquaredDistributionTests
{
    // Critical values χ²_p(k) from the standard tables (NIST/SEMATECH e-Handbook 1.3.6.7.4; Abramowitz & Stegun
    // table 26.8), given to six decimals, so F(x) is checked to 2e-6.
    [Theory]
    [InlineData(2.705543, 1, 0.90)]
    [InlineData(3.841459, 1, 0.95)]
    [InlineData(6.634897, 1, 0.99)]
    [InlineData(10.827566, 1, 0.999)]
    [InlineData(5.991465, 2, 0.95)]
    [InlineData(9.210340, 2, 0.99)]
    [InlineData(7.814728, 3, 0.95)]
    [InlineData(15.086272, 5, 0.99)]
    [InlineData(3.940299, 10, 0.05)]
    [InlineData(18.307038, 10, 0.95)]
    [InlineData(43.772972, 30, 0.95)]
    public void Cdf_PublishedCriticalValue_MatchesTableProbability(double x, int dof, double probability)
    {
        var actual = ChiSquaredDistribution.Cdf(x, dof);

        Assert.Equal(probability, actual, 2e-6);
        Assert.Equal(1.0 - probability, ChiSquaredDistribution.UpperTail(x, dof), 2e-6);
    }

    [Fact]
    public void UpperTail_TwoDegreesOfFreedom_EqualsClosedFormExponential()
    {
        // For k = 2, P(X > x) = e^(−x/2): checked with relative error, including the far tail.
        Prop.ForAll(Gen.Choose(0, 1_400_000).Select(i => i / 1000.0).ToArbitrary(), x =>
        {
            var expected = Math.Exp(-x / 2.0);
            return Math.Abs(ChiSquaredDistribution.UpperTail(x, 2) - expected) <= 1e-13 * expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cdf_OneDegreeOfFreedom_EqualsTwiceNormalMinusOne()
    {
        // For k = 1, X = Z² so F(x) = 2Φ(√x) − 1.
        Prop.ForAll(Gen.Choose(1, 60_000).Select(i => i / 1000.0).ToArbitrary(), x =>
        {
            var expected = (2.0 * NormalDistribution.Cdf(Math.Sqrt(x))) - 1.0;
            return Math.Abs(ChiSquaredDistribution.Cdf(x, 1) - expected) <= 1e-13;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cdf_AnyDegreesOfFreedom_IsMonotoneAndComplementsUpperTail()
    {
        var gen = from k in Gen.Choose(1, 200)
                  from a in Gen.Choose(0, 400_000)
                  from b in Gen.Choose(0, 400_000)
                  select (k, Math.Min(a, b) / 1000.0, Math.Max(a, b) / 1000.0);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (k, lo, hi) = t;
            var sum = ChiSquaredDistribution.Cdf(hi, k) + ChiSquaredDistribution.UpperTail(hi, k);
            return ChiSquaredDistribution.Cdf(lo, k) <= ChiSquaredDistribution.Cdf(hi, k) + 1e-15 && Math.Abs(sum - 1.0) < 1e-13;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cdf_NonPositiveDegreesOfFreedom_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquaredDistribution.Cdf(1.0, 0));
    }
}
