using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class InterestRateCurveTests
{
    private static InterestRateCurve Curve() => new(new InterestRateCurveOptions
    {
        BaseRate = 0.01m,
        Slope1 = 0.04m,
        Slope2 = 0.75m,
        OptimalUtilization = 0.8m,
        ReserveFactor = 0.1m,
    });

    // Expected values from Aave's formula: base + slope1 × u / optimal, or base + slope1 + slope2 × (u − optimal) / (1 − optimal).
    [Theory]
    [InlineData("0", "0.01")]
    [InlineData("0.4", "0.03")]
    [InlineData("0.8", "0.05")]
    [InlineData("0.9", "0.425")]
    [InlineData("1", "0.8")]
    [InlineData("1.5", "0.8")]
    public void BorrowRateRay_BelowAtAboveKink_FollowsTheCurve(string utilization, string expected)
    {
        var sut = Curve();

        Assert.Equal(Ray(expected), sut.BorrowRateRay(Ray(utilization)));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.5", "0.01575")]
    [InlineData("0.9", "0.344250")]
    public void LiquidityRateRay_Rows_IsBorrowRateTimesUtilizationLessReserve(string utilization, string expected)
    {
        var sut = Curve();

        Assert.Equal(Ray(expected), sut.LiquidityRateRay(Ray(utilization)));
    }

    [Fact]
    public void BorrowRateRay_OddUtilization_RoundsUp()
    {
        var sut = new InterestRateCurve(new InterestRateCurveOptions { Slope1 = 1m, OptimalUtilization = 0.3m, ReserveFactor = 0m });

        // 1 × 10^-27 / 0.3 = 3.33 × 10^-27: borrowers pay the 4.
        Assert.Equal((UInt128)4, sut.BorrowRateRay(1));
    }

    [Theory]
    [InlineData("OptimalUtilization", "0", "OptimalUtilization must be in (0, 1)")]
    [InlineData("OptimalUtilization", "1", "OptimalUtilization must be in (0, 1)")]
    [InlineData("ReserveFactor", "1", "ReserveFactor must be in [0, 1)")]
    [InlineData("ReserveFactor", "-0.1", "ReserveFactor must be in [0, 1)")]
    [InlineData("BaseRate", "-0.01", "BaseRate must not be negative")]
    [InlineData("Slope1", "-1", "Slope1 must not be negative")]
    [InlineData("Slope2", "20", "above the largest borrow rate")]
    public void Validate_OutOfRange_NamesTheSetting(string setting, string value, string message)
    {
        var sut = new InterestRateCurveOptions();
        typeof(InterestRateCurveOptions).GetProperty(setting)!.SetValue(sut, decimal.Parse(value, CultureInfo.InvariantCulture));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(sut.Validate);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(setting, ex.ParamName);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var sut = new InterestRateCurveOptions();

        sut.Validate();
        Assert.Equal(Ray("0.79"), new InterestRateCurve(sut).BorrowRateRay(FixedPoint.Ray));
    }

    [Fact]
    public void BorrowRateRay_AnyTwoUtilizations_IsMonotone()
    {
        var sut = Curve();
        var gen = from a in Gen.Choose(0, 1_000_000) from b in Gen.Choose(0, 1_000_000) select (Math.Min(a, b), Math.Max(a, b));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var low = FixedPoint.Ray / 1_000_000 * (uint)p.Item1;
            var high = FixedPoint.Ray / 1_000_000 * (uint)p.Item2;
            return sut.BorrowRateRay(low) <= sut.BorrowRateRay(high)
                && sut.LiquidityRateRay(low) <= sut.LiquidityRateRay(high)
                && sut.LiquidityRateRay(high) <= sut.BorrowRateRay(high);
        }));
    }

    private static UInt128 Ray(string fraction) => FixedPoint.ToRay(decimal.Parse(fraction, CultureInfo.InvariantCulture));
}
