using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Distributions;

namespace Mesh.Risk.Tests.Distributions;

public sealed class NormalDistributionTests
{
    // Reference values computed with mpmath at 40 significant digits (ncdf), rounded to 17 digits.
    [Theory]
    [InlineData(-37.5, 4.6053530095819548e-308)]
    [InlineData(-37.0, 5.7255712225245768e-300)]
    [InlineData(-30.0, 4.9067139271481871e-198)]
    [InlineData(-20.0, 2.7536241186062337e-89)]
    [InlineData(-10.0, 7.6198530241605261e-24)]
    [InlineData(-8.0, 6.2209605742717841e-16)]
    [InlineData(-5.0, 2.8665157187919391e-7)]
    [InlineData(-3.0, 0.0013498980316300945)]
    [InlineData(-2.0, 0.022750131948179207)]
    [InlineData(-1.5, 0.066807201268858066)]
    [InlineData(-1.0, 0.15865525393145705)]
    [InlineData(-0.7, 0.24196365222307303)]
    [InlineData(-0.5, 0.3085375387259869)]
    [InlineData(-0.1, 0.46017216272297102)]
    [InlineData(-1e-10, 0.49999999996010577)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.3, 0.61791142218895263)]
    [InlineData(0.6744, 0.74997147862705939)]
    [InlineData(0.675, 0.750162117528223)]
    [InlineData(1.0, 0.84134474606854295)]
    [InlineData(2.0, 0.97724986805182079)]
    [InlineData(5.6, 0.99999998928240974)]
    [InlineData(5.7, 0.9999999940096286)]
    [InlineData(8.0, 0.99999999999999938)]
    public void Cdf_HighPrecisionReference_RelativeErrorBelow1e14(double x, double expected)
    {
        var actual = NormalDistribution.Cdf(x);

        Assert.True(Math.Abs(actual - expected) <= 1e-14 * expected, $"Φ({x}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(1e-300, -37.047096299361199)]
    [InlineData(1e-100, -21.273453560965324)]
    [InlineData(1e-20, -9.2623400897984076)]
    [InlineData(1e-10, -6.3613409024040562)]
    [InlineData(1e-5, -4.2648907939228246)]
    [InlineData(0.001, -3.0902323061678135)]
    [InlineData(0.01, -2.3263478740408411)]
    [InlineData(0.02425, -1.9729610513118849)]
    [InlineData(0.05, -1.6448536269514727)]
    [InlineData(0.1, -1.2815515655446005)]
    [InlineData(0.3, -0.52440051270804078)]
    [InlineData(0.7, 0.52440051270804078)]
    [InlineData(0.95, 1.6448536269514727)]
    [InlineData(0.975, 1.9599639845400542)]
    [InlineData(0.99, 2.3263478740408411)]
    public void InverseCdf_HighPrecisionReference_RelativeErrorBelow1e14(double p, double expected)
    {
        var actual = NormalDistribution.InverseCdf(p);

        Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Abs(expected), $"Φ⁻¹({p}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void InverseCdf_Half_IsZero()
    {
        Assert.Equal(0.0, NormalDistribution.InverseCdf(0.5), 15);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void InverseCdf_OutsideUnitInterval_Throws(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.InverseCdf(p));
        Assert.Equal("p", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0, 0.39894228040143268)]
    [InlineData(1.0, 0.24197072451914337)]
    [InlineData(-3.0, 0.0044318484119380075)]
    [InlineData(10.0, 7.6945986267064194e-23)]
    public void Pdf_Reference_RelativeErrorBelow1e15(double x, double expected)
    {
        Assert.True(Math.Abs(NormalDistribution.Pdf(x) - expected) <= 2e-15 * expected);
    }

    [Fact]
    public void Cdf_Symmetry_SumsToOne()
    {
        Prop.ForAll(Gen.Choose(-800_000, 800_000).Select(i => i / 100_000.0).ToArbitrary(), x =>
                Math.Abs(NormalDistribution.Cdf(x) + NormalDistribution.Cdf(-x) - 1.0) <= 2e-16)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InverseCdf_RoundTrip_RecoversProbability()
    {
        // Φ(Φ⁻¹(p)) cannot beat the conditioning of the round trip: one ulp of x = Φ⁻¹(p) moves Φ by φ(x)·ulp(x),
        // which near p = 0.002 is about six ulps of p. Allow four of each.
        Prop.ForAll(Gen.Choose(1, 999_999).Select(i => i / 1_000_000.0).ToArbitrary(), p =>
            {
                var x = NormalDistribution.InverseCdf(p);
                var tolerance = (4 * Ulp(p)) + (4 * NormalDistribution.Pdf(x) * Ulp(x));
                return Math.Abs(NormalDistribution.Cdf(x) - p) <= tolerance;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InverseCdf_RoundTripOverFineGrid_WithinConditioningBound()
    {
        for (var i = 1; i < 1_000_000; i++)
        {
            var p = i / 1_000_000.0;
            var x = NormalDistribution.InverseCdf(p);
            var tolerance = (4 * Ulp(p)) + (4 * NormalDistribution.Pdf(x) * Ulp(x));
            Assert.True(Math.Abs(NormalDistribution.Cdf(x) - p) <= tolerance, $"p = {p}: Φ(Φ⁻¹(p)) = {NormalDistribution.Cdf(x)}");
        }
    }

    private static double Ulp(double value) => Math.BitIncrement(Math.Abs(value)) - Math.Abs(value);
}
