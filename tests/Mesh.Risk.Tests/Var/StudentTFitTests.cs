using Mesh.Risk.Var;

namespace Mesh.Risk.Tests.Var;

public sealed class StudentTFitTests
{
    [Theory]
    [InlineData(4.0)]
    [InlineData(8.0)]
    public void DegreesOfFreedom_SimulatedUnitVarianceT_RecoversNu(double nu)
    {
        // 20,000 draws of a unit-variance t(ν) by inversion; the MLE's standard error is about 0.15 at ν = 4 and 0.8
        // at ν = 8, so the tolerance is about three of them.
        var rng = new Random(17);
        var z = Enumerable.Range(0, 20_000)
            .Select(_ => StudentTDistribution.StandardizedInverseCdf(0.0001 + (0.9998 * rng.NextDouble()), nu))
            .ToArray();

        var sut = StudentTFit.DegreesOfFreedom(z);

        Assert.Equal(nu, sut, 0.4 * nu * (nu / 8.0) + 0.3);
    }

    [Fact]
    public void DegreesOfFreedom_NormalResiduals_GoesToTheUpperBound()
    {
        var rng = new Random(5);
        var z = Enumerable.Range(0, 20_000)
            .Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))
            .ToArray();

        Assert.True(StudentTFit.DegreesOfFreedom(z) > 30.0);
    }
}
