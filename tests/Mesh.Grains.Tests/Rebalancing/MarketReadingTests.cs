using Mesh.Grains.Markets;
using Mesh.Grains.Rebalancing;
using Mesh.Oracles;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>What a coordinator reads of its market: the oracle's price, the venue's impact model (the oracle's forecast when the venue states no σ), and why the adaptive capacity is unknown.</summary>
public sealed class MarketReadingTests
{
    private static readonly MarketConditions Weth = new("WETH", "USDC", 2_000m, 5_000, 0.03, 0.8, DateTimeOffset.UnixEpoch);

    [Fact]
    public void From_NoVenue_StaticCapsOnly()
    {
        var sut = MarketReading.From(null, hasVenue: false, null, 1.0);

        Assert.Equal(new MarketReading(null, null, null, 1.0, "static.no_venue"), sut);
    }

    [Fact]
    public void From_VenueWithoutTheMarket_StaticCapsOnly()
    {
        var sut = MarketReading.From(Oracle(1_990m, 0.73), hasVenue: true, null, 1.0);

        Assert.Equal("static.no_market", sut.Basis);
        Assert.Equal((1_990m, (UInt128?)null), (sut.Price, sut.Depth));
    }

    [Fact]
    public void From_OracleWithAPrice_ItsPriceWithTheVenuesImpactModel()
    {
        var sut = MarketReading.From(Oracle(1_990m, 0.73), hasVenue: true, Weth, 1.0);

        Assert.Equal((1_990m, (UInt128?)5_000, 0.8, (double?)0.03, "adaptive"), (sut.Price, sut.Depth, sut.ImpactCoefficient, sut.DailyVolatility, sut.Basis));
    }

    [Fact]
    public void From_VenueWithoutAVolatility_TheOraclesForecast()
    {
        var sut = MarketReading.From(Oracle(1_990m, 0.73), hasVenue: true, Weth with { DailyVolatility = 0 }, 1.0);

        Assert.Equal("adaptive", sut.Basis);
        Assert.Equal(0.73 / Math.Sqrt(365), sut.DailyVolatility!.Value, 12);
    }

    [Fact]
    public void From_OracleWithoutAPrice_TheVenuesMidAndVolatility()
    {
        var sut = MarketReading.From(Oracle(null, 0.73), hasVenue: true, Weth with { ImpactCoefficient = double.NaN }, 1.0);

        Assert.Equal((2_000m, (double?)0.03, 1.0), (sut.Price, sut.DailyVolatility, sut.ImpactCoefficient));
    }

    private static OracleSnapshot Oracle(decimal? price, double forecast) =>
        new("WETH", price, 1, true, 3, [], null, forecast, MarketRegime.Calm, false, 1.0, null, "fallback");
}
