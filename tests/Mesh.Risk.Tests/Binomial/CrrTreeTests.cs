using Mesh.Risk.Binomial;
using Mesh.Risk.Options;

namespace Mesh.Risk.Tests.Binomial;

public sealed class CrrTreeTests
{
    // Hull Example 21.1: American put S=K=50, r=10%, σ=40%, T=5/12, 5 steps → 4.4885 (Hull prints 4.49).
    // Hull Example 21.1 tree Greeks: delta −0.41, gamma 0.03, theta −4.30 per year.
    [Fact]
    public void Price_HullAmericanPut_MatchesTextbook()
    {
        var sut = CrrTree.Price(OptionType.Put, ExerciseStyle.American, 50, 50, 0.10, 0.0, 0.40, 5.0 / 12.0, 5);

        Assert.Equal(4.4885, sut.Price, 0.00005);
        Assert.Equal(-0.41, sut.Delta, 0.005);
        Assert.Equal(0.03, sut.Gamma, 0.005);
        Assert.Equal(-4.30, sut.Theta, 0.005);
    }

    [Theory]
    [InlineData(OptionType.Call, 100, 90, 0.05, 0.02, 0.3, 1.0)]
    [InlineData(OptionType.Put, 100, 110, 0.05, 0.0, 0.25, 0.5)]
    [InlineData(OptionType.Call, 50, 60, 0.01, 0.03, 0.6, 2.0)]
    public void Price_EuropeanManySteps_ConvergesToBlackScholes(OptionType type, double s, double k, double r, double q, double v, double t)
    {
        var expected = BlackScholes.Greeks(type, s, k, r, q, v, t);

        var sut = CrrTree.Price(type, ExerciseStyle.European, s, k, r, q, v, t, 2000);

        // CRR error is O(1/n) with an oscillating term; 2000 steps gives about 1e-3 relative.
        Assert.Equal(expected.Price, sut.Price, 2e-3 * expected.Price);
        Assert.Equal(expected.Delta, sut.Delta, 2e-3);
        Assert.Equal(expected.Gamma, sut.Gamma, 5e-2 * expected.Gamma);
        Assert.Equal(expected.Vega, sut.Vega, 1e-2 * expected.Vega);
        Assert.Equal(expected.Rho, sut.Rho, 1e-2 * Math.Abs(expected.Rho));
        Assert.Equal(expected.Theta, sut.Theta, 2e-2 * Math.Abs(expected.Theta));
    }

    [Fact]
    public void Price_AmericanCallWithoutDividends_EqualsEuropean()
    {
        var american = CrrTree.Price(OptionType.Call, ExerciseStyle.American, 100, 100, 0.05, 0.0, 0.3, 1.0, 200);
        var european = CrrTree.Price(OptionType.Call, ExerciseStyle.European, 100, 100, 0.05, 0.0, 0.3, 1.0, 200);

        Assert.Equal(european.Price, american.Price, 1e-12);
    }

    [Fact]
    public void Price_AmericanPut_AtLeastEuropean()
    {
        var american = CrrTree.Price(OptionType.Put, ExerciseStyle.American, 100, 110, 0.08, 0.0, 0.2, 1.0, 300);
        var european = CrrTree.Price(OptionType.Put, ExerciseStyle.European, 100, 110, 0.08, 0.0, 0.2, 1.0, 300);

        Assert.True(american.Price > european.Price);
        Assert.True(american.Price >= 10.0);
    }

    [Fact]
    public void Price_OneStep_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CrrTree.Price(OptionType.Put, ExerciseStyle.American, 50, 50, 0.1, 0, 0.4, 1, 1));

        Assert.Equal("steps", ex.ParamName);
    }
}
