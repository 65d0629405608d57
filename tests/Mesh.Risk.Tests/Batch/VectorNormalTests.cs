using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Batch;
using Mesh.Risk.Distributions;

namespace Mesh.Risk.Tests.Batch;

public sealed class VectorNormalTests
{
    [Theory]
    [InlineData(-37.5, -20.0, -5.7, -5.6)]
    [InlineData(-1.0, -0.6744, 0.0, 0.675)]
    [InlineData(1e-12, 3.0, 5.65, 8.0)]
    [InlineData(-12.3, 0.5, -0.2, 30.0)]
    public void Cdf_MatchesScalar_WithinRelative1e14(double a, double b, double c, double d)
    {
        var sut = VectorNormal.Cdf(Vector256.Create(a, b, c, d));

        double[] xs = [a, b, c, d];
        for (var lane = 0; lane < 4; lane++)
        {
            var expected = NormalDistribution.Cdf(xs[lane]);
            Assert.True(Math.Abs(sut[lane] - expected) <= 1e-14 * expected, $"lane {lane}: {sut[lane]:R} vs {expected:R}");
        }
    }

    [Fact]
    public void CdfAndPdf_RandomArguments_MatchScalar()
    {
        Prop.ForAll(Gen.Choose(-3_750_000, 900_000).Select(i => i / 100_000.0).ToArbitrary(), x =>
            {
                var v = Vector256.Create(x);
                var cdf = NormalDistribution.Cdf(x);
                var pdf = NormalDistribution.Pdf(x);
                return Math.Abs(VectorNormal.Cdf(v)[0] - cdf) <= 1e-14 * cdf
                    && Math.Abs(VectorNormal.Pdf(v)[2] - pdf) <= 1e-14 * pdf;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }
}
