using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Options;

namespace Mesh.Risk.Tests.Options;

public sealed class ImpliedVolatilityTests
{
    // Hull Section 15.11: call 1.875, S=21, K=20, r=10%, T=0.25 → σ ≈ 23.45% (we check the 5-digit value 0.23451).
    [Fact]
    public void Solve_HullExample_MatchesTextbook()
    {
        var sut = ImpliedVolatility.Solve(OptionType.Call, 1.875, spot: 21, strike: 20, rate: 0.10, dividendYield: 0, time: 0.25);

        Assert.True(sut.IsSuccess);
        Assert.Equal(0.23451, sut.Volatility, 0.000005);
    }

    [Theory]
    [InlineData(OptionType.Call, 0.5)]
    [InlineData(OptionType.Put, 0.01)]
    public void Solve_BelowIntrinsic_ReturnsTypedFailure(OptionType type, double price)
    {
        var strike = type == OptionType.Call ? 90.0 : 110.0;

        var sut = ImpliedVolatility.Solve(type, price, 100, strike, 0.0, 0.0, 1.0);

        Assert.Equal(ImpliedVolFailure.BelowIntrinsic, sut.Failure);
        Assert.True(double.IsNaN(sut.Volatility));
    }

    [Theory]
    [InlineData(OptionType.Call, 100.0)]
    [InlineData(OptionType.Put, 120.0)]
    public void Solve_AboveUpperBound_ReturnsTypedFailure(OptionType type, double price)
    {
        var sut = ImpliedVolatility.Solve(type, price, 100, 100, 0.0, 0.0, 1.0);

        Assert.Equal(ImpliedVolFailure.AboveUpperBound, sut.Failure);
    }

    [Fact]
    public void Solve_NegativeTime_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ImpliedVolatility.Solve(OptionType.Call, 1, 100, 100, 0, 0, -1));

        Assert.Equal("time", ex.ParamName);
    }

    // Extreme but representable cases: deep OTM tails down to 1e-250 prices, 1-minute expiries, 500% vol.
    [Theory]
    [InlineData(OptionType.Call, 100, 300, 0.20, 1.0)]
    [InlineData(OptionType.Put, 100, 20, 0.10, 0.5)]
    [InlineData(OptionType.Call, 100, 101, 0.5, 1.0 / 525_600)]
    [InlineData(OptionType.Put, 100, 99.9, 0.05, 1.0 / 525_600)]
    [InlineData(OptionType.Call, 100, 101, 0.001, 1.0)]
    [InlineData(OptionType.Call, 100, 100, 3.0, 2.0)]
    [InlineData(OptionType.Call, 100, 1000, 0.05, 2.0)]
    public void Solve_ExtremeOutOfTheMoney_RoundTrips(OptionType type, double s, double k, double vol, double t)
    {
        var price = BlackScholes.Price(type, s, k, 0.01, 0.0, vol, t);

        var sut = ImpliedVolatility.Solve(type, price, s, k, 0.01, 0.0, t);

        Assert.True(price > 0, "test case must have a representable price");
        Assert.True(sut.IsSuccess, sut.Failure.ToString());
        Assert.Equal(vol, sut.Volatility, 1e-9 * vol);
    }

    [Fact]
    public void Solve_RoundTrip_RecoversVolatility()
    {
        Prop.ForAll(MarketGen.Arbitrary, Gen.Elements(OptionType.Call, OptionType.Put).ToArbitrary(), (m, type) =>
            {
                var price = BlackScholes.Price(type, m.Spot, m.Strike, m.Rate, m.Yield, m.Vol, m.Time);
                var intrinsic = Math.Max((type == OptionType.Call ? 1 : -1) * ((m.Spot * Math.Exp(-m.Yield * m.Time)) - (m.Strike * Math.Exp(-m.Rate * m.Time))), 0);

                // Deep in the money the time value can sit below the price's rounding; only that is untestable.
                if (price - intrinsic < 1e-9 * price || price < 1e-290)
                {
                    return true;
                }

                var sut = ImpliedVolatility.Solve(type, price, m.Spot, m.Strike, m.Rate, m.Yield, m.Time);
                return sut.IsSuccess && Math.Abs(sut.Volatility - m.Vol) <= 1e-6 * m.Vol;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }
}
