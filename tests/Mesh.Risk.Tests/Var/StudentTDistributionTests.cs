using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Distributions;
using Mesh.Risk.Var;

namespace Mesh.Risk.Tests.Var;

public sealed class StudentTDistributionTests
{
    // Upper critical values t_p(ν) from the standard tables (NIST/SEMATECH e-Handbook 1.3.6.7.2), given to 6–7
    // significant digits, so checked to 1e-6 relative.
    [Theory]
    [InlineData(1, 0.975, 12.70620)]
    [InlineData(1, 0.99, 31.82052)]
    [InlineData(2, 0.99, 6.964557)]
    [InlineData(3, 0.975, 3.182446)]
    [InlineData(3, 0.99, 4.540703)]
    [InlineData(4, 0.975, 2.776445)]
    [InlineData(4, 0.99, 3.746947)]
    [InlineData(5, 0.975, 2.570582)]
    [InlineData(5, 0.99, 3.364930)]
    [InlineData(10, 0.975, 2.228139)]
    [InlineData(10, 0.99, 2.763769)]
    [InlineData(30, 0.975, 2.042272)]
    [InlineData(30, 0.99, 2.457262)]
    [InlineData(100, 0.99, 2.364217)]
    public void InverseCdf_PublishedCriticalValue_MatchesTable(double nu, double p, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.InverseCdf(p, nu), expected * 1e-6);
        Assert.Equal(-expected, StudentTDistribution.InverseCdf(1.0 - p, nu), expected * 1e-6);
        Assert.Equal(p, StudentTDistribution.Cdf(expected, nu), 1e-6);
    }

    [Fact]
    public void Cdf_OneAndTwoDegreesOfFreedom_EqualClosedForms()
    {
        // ν = 1 is the Cauchy law, F(t) = ½ + atan(t)/π; ν = 2 has F(t) = ½ + t / (2√(2 + t²)).
        Prop.ForAll(Gen.Choose(-200_000, 200_000).Select(i => i / 1000.0).ToArbitrary(), t =>
            Math.Abs(StudentTDistribution.Cdf(t, 1) - (0.5 + (Math.Atan(t) / Math.PI))) < 1e-13
            && Math.Abs(StudentTDistribution.Cdf(t, 2) - (0.5 + (t / (2.0 * Math.Sqrt(2.0 + (t * t)))))) < 1e-13)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InverseCdf_AnyProbabilityAndDegrees_RoundTripsThroughCdf()
    {
        var gen = from nu in Gen.Choose(25, 2000).Select(i => i / 10.0)
                  from p in Gen.Choose(1, 99_999).Select(i => i / 100_000.0)
                  select (nu, p);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (nu, p) = t;
            var x = StudentTDistribution.InverseCdf(p, nu);
            return Math.Abs(StudentTDistribution.Cdf(x, nu) - p) < 1e-12 * Math.Max(1.0, p / (1 - p))
                && Math.Abs(x + StudentTDistribution.InverseCdf(1.0 - p, nu)) < 1e-9 * Math.Max(1.0, Math.Abs(x));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InverseCdf_ManyDegreesOfFreedom_ApproachesNormal()
    {
        Assert.Equal(NormalDistribution.InverseCdf(0.01), StudentTDistribution.InverseCdf(0.01, 1e6), 1e-5);
    }

    [Fact]
    public void StandardizedInverseCdf_FatTails_IsThinnerInTheBodyAndFatterInTheFarTail()
    {
        // A unit-variance t(4) is thinner than the normal in the body and fatter in the tail: its 1% quantile is
        // −3.746947·√½ = −2.649 (beyond the normal's −2.326), its 10% quantile −1.084 is inside the normal's −1.282.
        Assert.Equal(-3.746947 * Math.Sqrt(0.5), StudentTDistribution.StandardizedInverseCdf(0.01, 4), 1e-5);
        Assert.True(StudentTDistribution.StandardizedInverseCdf(0.001, 4) < NormalDistribution.InverseCdf(0.001));
        Assert.True(StudentTDistribution.StandardizedInverseCdf(0.10, 4) > NormalDistribution.InverseCdf(0.10));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.StandardizedInverseCdf(0.01, 2.0));
    }
}
