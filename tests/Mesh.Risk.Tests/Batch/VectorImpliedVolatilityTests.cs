using System.Runtime.Intrinsics;
using Mesh.Risk.Batch;
using Mesh.Risk.Options;

namespace Mesh.Risk.Tests.Batch;

public sealed class VectorImpliedVolatilityTests
{
    // x = ln(F/K) ≤ 0 and total volatility s across all regions of NormalizedBlack: deep tails (d₁ ≪ 0), both d central
    // (the sinh form), mixed, and large s.
    [Theory]
    [InlineData(-0.3, 0.005)]
    [InlineData(-0.3, 0.05)]
    [InlineData(-2.5, 0.1)]
    [InlineData(-20.0, 0.5)]
    [InlineData(-1e-12, 1e-6)]
    [InlineData(-1e-3, 0.01)]
    [InlineData(-0.05, 0.5)]
    [InlineData(-0.5, 1.0)]
    [InlineData(-0.5, 6.0)]
    [InlineData(0.0, 0.2)]
    [InlineData(-5.0, 40.0)]
    [InlineData(-0.7, 1.18)]
    public void LogPrice_MatchesScalarNormalizedBlack(double x, double s)
    {
        var expected = NormalizedBlack.LogPrice(x, s, out var expectedSlope);
        var vx = Vector256.Create(x);
        var ex = Vector256.Exp(0.5 * vx);

        var sut = VectorImpliedVolatility.LogPrice(vx, Vector256.Create(s), ex, Vector256<double>.One / ex, Vector256.Create(Math.Sinh(0.5 * x)), out var slope);

        Assert.True(Math.Abs(sut[0] - expected) <= 1e-14 * Math.Max(1.0, Math.Abs(expected)), $"ln b {sut[0]:R} vs {expected:R}");
        Assert.True(Math.Abs(slope[0] - expectedSlope) <= 1e-12 * expectedSlope, $"slope {slope[0]:R} vs {expectedSlope:R}");
    }

    [Fact]
    public void SolveBlock_MixedSpecialLanes_MatchScalarPerLane()
    {
        // Lane 0 above the upper bound, lane 1 below intrinsic, lane 2 at zero time value, lane 3 ordinary.
        double[] s = [100, 100, 100, 100], k = [100, 90, 80, 105], z = [0, 0, 0, 0], t = [1, 1, 1e-4, 0.5];
        double[] prices = [150, 5, 20, BlackScholes.Price(OptionType.Call, 100, 105, 0, 0, 0.3, 0.5)];
        var sut = new double[4];
        var failures = new ImpliedVolFailure[4];

        VectorImpliedVolatility.SolveBlock(OptionType.Call, prices, new OptionBatch(s, k, z, z, t, t), sut, failures, 0);

        Assert.Equal([ImpliedVolFailure.AboveUpperBound, ImpliedVolFailure.BelowIntrinsic, ImpliedVolFailure.None, ImpliedVolFailure.None], failures);
        Assert.True(double.IsNaN(sut[0]) && double.IsNaN(sut[1]));
        Assert.Equal(0.0, sut[2]);
        Assert.Equal(0.3, sut[3], 1e-13);
    }
}
