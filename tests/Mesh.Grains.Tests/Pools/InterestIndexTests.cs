using FsCheck;
using FsCheck.Fluent;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class InterestIndexTests
{
    [Fact]
    public void CompoundFactorRay_ZeroSecondsOrZeroRate_IsOneRay()
    {
        Assert.Equal(FixedPoint.Ray, InterestIndex.CompoundFactorRay(FixedPoint.ToRay(0.5m), 0));
        Assert.Equal(FixedPoint.Ray, InterestIndex.CompoundFactorRay(0, FixedPoint.SecondsPerYear));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.8)]
    [InlineData(3.0)]
    public void CompoundFactorRay_OneYear_IsExpOfTheRateWithin1e9(double rate)
    {
        var sut = InterestIndex.CompoundFactorRay(FixedPoint.ToRay((decimal)rate), FixedPoint.SecondsPerYear);

        // Per-second compounding: (1 + r/n)^n = e^r × (1 − r²/2n + ...), n = 31,536,000; r²/2n < 2e-7 relative at r = 3.
        var factor = (double)sut / 1e27;
        Assert.Equal(Math.Exp(rate), factor, Math.Exp(rate) * Math.Max(1e-9, rate * rate / FixedPoint.SecondsPerYear));
    }

    [Fact]
    public void Linear_OneYearAtFivePercent_IsExactlyOnePointZeroFive()
    {
        var sut = InterestIndex.Linear(FixedPoint.Ray, FixedPoint.ToRay(0.05m), FixedPoint.SecondsPerYear);

        Assert.Equal(FixedPoint.ToRay(1.05m), sut);
    }

    [Fact]
    public void Compound_Centuries_ThrowsOverflowInsteadOfWrapping()
    {
        var ex = Assert.Throws<OverflowException>(
            () => InterestIndex.Compound(FixedPoint.Ray, FixedPoint.ToRay(10m), 100 * FixedPoint.SecondsPerYear));

        Assert.Contains("does not fit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compound_AnyRateAndSpans_IsMonotoneAndAtLeastLinear()
    {
        var gen =
            from rate in Gen.Choose(0, 2_000)
            from a in Gen.Choose(0, 5 * 365 * 86_400)
            from b in Gen.Choose(0, 5 * 365 * 86_400)
            select (Rate: FixedPoint.Ray / 1_000 * (uint)rate, Short: (long)Math.Min(a, b), Long: (long)Math.Max(a, b));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var shortIndex = InterestIndex.Compound(FixedPoint.Ray, c.Rate, c.Short);
            var longIndex = InterestIndex.Compound(FixedPoint.Ray, c.Rate, c.Long);
            var chained = InterestIndex.Compound(shortIndex, c.Rate, c.Long - c.Short);
            return shortIndex >= FixedPoint.Ray
                && longIndex >= shortIndex
                && chained >= shortIndex
                && InterestIndex.Compound(FixedPoint.Ray, c.Rate + 1, c.Long) >= longIndex
                && longIndex >= InterestIndex.Linear(FixedPoint.Ray, c.Rate, c.Long);
        }));
    }
}
