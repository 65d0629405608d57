using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Options;

namespace Mesh.Risk.Tests.Options;

public sealed class BlackScholesTests
{
    // Hull, Options, Futures and Other Derivatives, Example 15.6 (S=42, K=40, r=10%, σ=20%, T=0.5); 4 decimals.
    [Theory]
    [InlineData(OptionType.Call, 4.7594)]
    [InlineData(OptionType.Put, 0.8086)]
    public void Price_HullExample_MatchesTextbook(OptionType type, double expected)
    {
        var actual = BlackScholes.Price(type, spot: 42, strike: 40, rate: 0.10, dividendYield: 0, volatility: 0.20, time: 0.5);

        Assert.Equal(expected, actual, 0.00005);
    }

    // Hull, Chapter 19 (Greek letters): S=49, K=50, r=5%, σ=20%, T=20/52, call; 4 significant decimals.
    [Fact]
    public void Greeks_HullExample_MatchesTextbook()
    {
        var sut = BlackScholes.Greeks(OptionType.Call, spot: 49, strike: 50, rate: 0.05, dividendYield: 0, volatility: 0.20, time: 20.0 / 52.0);

        Assert.Equal(2.4005, sut.Price, 0.0001);
        Assert.Equal(0.5216, sut.Delta, 0.00005);
        Assert.Equal(0.0655, sut.Gamma, 0.00005);
        Assert.Equal(12.105, sut.Vega, 0.0005);
        Assert.Equal(-4.3053, sut.Theta, 0.0005);
        Assert.Equal(8.9070, sut.Rho, 0.0005);
    }

    // Hull Example 17.1 (index option with dividend yield): S=930, K=900, r=8%, q=3%, σ=20%, T=2/12 → call 51.83.
    [Fact]
    public void Price_HullIndexOptionWithYield_MatchesTextbook()
    {
        var actual = BlackScholes.Price(OptionType.Call, spot: 930, strike: 900, rate: 0.08, dividendYield: 0.03, volatility: 0.20, time: 2.0 / 12.0);

        Assert.Equal(51.83, actual, 0.005);
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Greeks_MatchFiniteDifferences(OptionType type)
    {
        const double s = 105, k = 100, r = 0.03, q = 0.01, v = 0.35, t = 0.75, h = 1e-4;
        double P(double s1 = s, double r1 = r, double q1 = q, double v1 = v, double t1 = t) => BlackScholes.Price(type, s1, k, r1, q1, v1, t1);

        var sut = BlackScholes.Greeks(type, s, k, r, q, v, t);

        Assert.Equal((P(s1: s + h) - P(s1: s - h)) / (2 * h), sut.Delta, 1e-7);
        Assert.Equal((P(s1: s + 0.01) - (2 * P()) + P(s1: s - 0.01)) / 1e-4, sut.Gamma, 1e-6);
        Assert.Equal((P(v1: v + h) - P(v1: v - h)) / (2 * h), sut.Vega, 1e-6);
        Assert.Equal(-(P(t1: t + h) - P(t1: t - h)) / (2 * h), sut.Theta, 1e-6);
        Assert.Equal((P(r1: r + h) - P(r1: r - h)) / (2 * h), sut.Rho, 1e-6);
        Assert.Equal((P(q1: q + h) - P(q1: q - h)) / (2 * h), sut.DividendRho, 1e-6);
    }

    [Fact]
    public void Price_ZeroVolatility_IsDiscountedForwardIntrinsic()
    {
        var actual = BlackScholes.Price(OptionType.Call, 110, 100, 0.05, 0.0, 0.0, 1.0);

        Assert.Equal(110 - (100 * Math.Exp(-0.05)), actual, 1e-12);
    }

    [Theory]
    [InlineData(-1.0, 100, 0.2, 1.0, "spot")]
    [InlineData(double.NaN, 100, 0.2, 1.0, "spot")]
    [InlineData(100, 0.0, 0.2, 1.0, "strike")]
    [InlineData(100, 100, -0.2, 1.0, "volatility")]
    [InlineData(100, 100, 0.2, double.NaN, "time")]
    public void Price_InvalidInput_ThrowsNamingParameter(double s, double k, double v, double t, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholes.Price(OptionType.Call, s, k, 0.05, 0.0, v, t));

        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Price_PutCallParity_Holds()
    {
        Prop.ForAll(MarketGen.Arbitrary, m =>
            {
                var call = BlackScholes.Price(OptionType.Call, m.Spot, m.Strike, m.Rate, m.Yield, m.Vol, m.Time);
                var put = BlackScholes.Price(OptionType.Put, m.Spot, m.Strike, m.Rate, m.Yield, m.Vol, m.Time);
                var parity = (m.Spot * Math.Exp(-m.Yield * m.Time)) - (m.Strike * Math.Exp(-m.Rate * m.Time));
                return Math.Abs(call - put - parity) <= 1e-11 * (m.Spot + m.Strike);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Price_MonotoneInSpotVolAndTime_AsTheorySays()
    {
        Prop.ForAll(MarketGen.Arbitrary, m =>
            {
                double Call(double s, double v, double t) => BlackScholes.Price(OptionType.Call, s, m.Strike, Math.Max(m.Rate, 0.0), 0.0, v, t);
                double Put(double s, double v) => BlackScholes.Price(OptionType.Put, s, m.Strike, m.Rate, m.Yield, v, m.Time);
                var tol = 1e-12 * m.Strike;
                var baseCall = Call(m.Spot, m.Vol, m.Time);
                return Call(m.Spot * 1.01, m.Vol, m.Time) >= baseCall - tol
                    && Put(m.Spot * 1.01, m.Vol) <= Put(m.Spot, m.Vol) + tol
                    && Call(m.Spot, m.Vol * 1.1, m.Time) >= baseCall - tol
                    && Put(m.Spot, m.Vol * 1.1) >= Put(m.Spot, m.Vol) - tol

                    // With q = 0 and r ≥ 0 a European call gains value with time (it equals the American call).
                    && Call(m.Spot, m.Vol, m.Time * 1.1) >= baseCall - tol;
            })
            .QuickCheckThrowOnFailure();
    }
}
