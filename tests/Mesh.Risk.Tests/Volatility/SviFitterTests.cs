using Mesh.Risk.Volatility;

namespace Mesh.Risk.Tests.Volatility;

public sealed class SviFitterTests
{
    [Theory]
    [InlineData(0.04, 0.4, -0.4, 0.05, 0.1)]
    [InlineData(0.01, 0.1, 0.3, -0.1, 0.3)]
    [InlineData(0.2, 0.8, -0.7, 0.0, 0.05)]
    public void Fit_ExactSviQuotes_RecoversSmile(double a, double b, double rho, double m, double sigma)
    {
        var truth = new SviParameters(a, b, rho, m, sigma);
        var k = Enumerable.Range(-10, 21).Select(i => i * 0.05).ToArray();
        var w = k.Select(truth.TotalVariance).ToArray();

        var sut = SviFitter.Fit(k, w);

        foreach (var ki in Enumerable.Range(-20, 41).Select(i => i * 0.025))
        {
            Assert.Equal(truth.TotalVariance(ki), sut.TotalVariance(ki), 1e-6);
        }
    }

    [Fact]
    public void Fit_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => SviFitter.Fit(new double[6], new double[5]));
    }
}
