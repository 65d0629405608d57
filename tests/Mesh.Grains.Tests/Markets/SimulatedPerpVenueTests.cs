using Mesh.Errors;
using Mesh.Grains.Markets;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Markets;

/// <summary>The perp book over the spot market: three times its depth, the square-root law, and a memory of the flow it took that fades with a 10-minute half-life.</summary>
public sealed class SimulatedPerpVenueTests
{
    private static (SimulatedPerpVenue Perps, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time) Create()
    {
        var (spot, time) = MarketFixture.Create();
        return (new SimulatedPerpVenue(spot, new SimulatedPerpOptions(), time), time);
    }

    private static PerpOrder Sell(string id, long weth) => new(id, Weth, Weths(weth), Sell: true, "vault/p1/chain-a");

    private static PerpOrder Buy(string id, long weth) => new(id, Weth, Weths(weth), Sell: false, "vault/p1/chain-a");

    private static double Below(PerpFill fill) => (double)((fill.Mark - fill.AveragePrice) / fill.Mark);

    [Fact]
    public async Task TradeAsync_OnARestedBook_PaysTheSquareRootLawOnThreeTimesTheSpotDepth()
    {
        var (sut, _) = Create();

        var fill = await sut.TradeAsync(Sell("a", 300));

        // I = Y·σ·√(Q/V) = 1 × 0.05 × √(300 / 30,000) = 0.5%.
        Assert.Equal(0.005, Below(fill), 9);
        Assert.Equal(2_000m, fill.Mark);
    }

    [Fact]
    public async Task TradeAsync_SecondSaleAMomentLater_PaysForTheFirstAndTogetherTheyCostOneSaleOfBoth()
    {
        var (one, _) = Create();
        var (two, time) = Create();

        var whole = await one.TradeAsync(Sell("w", 600));
        var first = await two.TradeAsync(Sell("a", 300));
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await two.TradeAsync(Sell("b", 300));

        Assert.True(Below(second) > Below(first), $"{Below(second)} after {Below(first)}");
        // Average displacement over the flow: the two halves average to the whole (less a millisecond's healing).
        Assert.Equal(Below(whole), (Below(first) + Below(second)) / 2, 6);
    }

    [Fact]
    public async Task TradeAsync_OrdersOfOneInstant_PriceAlikeWhateverTheirOrderAndWeighOnTheNext()
    {
        var (ab, abTime) = Create();
        var (ba, baTime) = Create();

        var a1 = await ab.TradeAsync(Sell("a", 300));
        var b1 = await ab.TradeAsync(Sell("b", 700));
        var b2 = await ba.TradeAsync(Sell("b", 700));
        var a2 = await ba.TradeAsync(Sell("a", 300));
        abTime.Advance(TimeSpan.FromSeconds(10));
        baTime.Advance(TimeSpan.FromSeconds(10));
        var next1 = await ab.TradeAsync(Sell("c", 100));
        var next2 = await ba.TradeAsync(Sell("c", 100));

        Assert.Equal((a1, b1), (a2, b2));
        Assert.Equal(0.005, Below(a1), 9); // each against the book before the instant
        Assert.Equal(next1, next2);
        Assert.True(Below(next1) > 0.005 * 1.5 * Math.Sqrt(1_000.0 / 300.0) * 0.99, $"the next instant sees the 1,000 sold: {Below(next1)}");
    }

    [Fact]
    public async Task TradeAsync_AfterOneHalfLife_TheFlowHalvedAndABuyBackFillsBelowTheMark()
    {
        var (sut, time) = Create();
        await sut.TradeAsync(Sell("a", 3_000));
        Assert.Equal((double)Weths(30_000 - 3_000), (double)sut.Conditions(Weth)!.Depth, 1e-6 * (double)OneWeth);

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((double)Weths(30_000 - 1_500), (double)sut.Conditions(Weth)!.Depth, 1e-6 * (double)OneWeth);
        var buy = await sut.TradeAsync(Buy("b", 100));

        // The book still sits below the mark from the sales: a small buy fills below it.
        Assert.True(buy.AveragePrice < buy.Mark, $"{buy.AveragePrice} against {buy.Mark}");
        Assert.Equal((double)Weths(30_000), (double)sut.Conditions(Weth)!.DailyDepth!.Value, 1e-6 * (double)OneWeth);
    }

    [Fact]
    public async Task TradeAsync_BuyOnARestedBook_PaysTheSameLawAboveTheMark()
    {
        var (sut, _) = Create();

        var fill = await sut.TradeAsync(Buy("a", 300));

        Assert.Equal(-0.005, Below(fill), 9);
    }

    [Fact]
    public async Task TradeAsync_OneBaseUnitAgainstALargeHeldFlow_PaysTheMarginalDisplacement()
    {
        var (sut, time) = Create();
        await sut.TradeAsync(Sell("a", 3_000));
        time.Advance(TimeSpan.FromSeconds(1));

        var dust = await sut.TradeAsync(new PerpOrder("b", Weth, UInt128.One, Sell: true, "vault/p1/chain-a"));

        // At a flow x of (almost) 3,000 of 30,000 the book sits 1.5·Y·σ·√(x/V) = 1.5 × 0.05 × √0.1 ≈ 2.37% below the mark.
        Assert.Equal(1.5 * 0.05 * Math.Sqrt(0.1), Below(dust), 3);
    }

    [Fact]
    public async Task TradeAsync_SameOrderAgain_ReturnsTheSameFillAndMovesNothing()
    {
        var (sut, _) = Create();
        var first = await sut.TradeAsync(Sell("a", 300));
        var depth = sut.Conditions(Weth)!.Depth;

        Assert.Equal(first, await sut.TradeAsync(Sell("a", 300)));
        Assert.Equal(depth, sut.Conditions(Weth)!.Depth);
        Assert.Equal(1, sut.Fills);
        var reused = await Assert.ThrowsAsync<MeshException>(() => sut.TradeAsync(Sell("a", 301)));
        Assert.Equal("market.order_reused", reused.Code);
    }

    [Fact]
    public async Task ArbitrageAsync_PerpFarBelowSpot_BuysItBackToTheBandAndSellsAsMuchSpot()
    {
        var (spot, time) = MarketFixture.Create();
        var sut = new SimulatedPerpVenue(spot, new SimulatedPerpOptions { BasisArbitrageBand = 0.005 }, time);
        await sut.TradeAsync(Sell("hedges", 3_000));
        var spotBefore = spot.State(Weth);
        var discountBefore = sut.Discount(Weth)!.Value;

        var bought = await sut.ArbitrageAsync(Weth);

        // 3,000 WETH held on a 30,000 book sit 1.5·Y·σ·√(x/V) = 2.37% below spot; the band's 0.5% is reached at
        // x = 30,000 × (0.005 / 0.075)² = 133.33 WETH: the arbitrageur takes the rest.
        Assert.Equal(0.075 * Math.Sqrt(0.1), discountBefore, 9);
        Assert.InRange((double)bought / (double)OneWeth, 3_000 - 133.34, 3_000 - 133.33);
        Assert.Equal(0.005, sut.Discount(Weth)!.Value, 6);
        var fill = Assert.Single(sut.ArbitrageFills);
        Assert.Equal(bought, fill.Sold);
        var spotAfter = spot.State(Weth);
        Assert.Equal(spotBefore.CumulativeSold + bought, spotAfter.CumulativeSold);
        Assert.True(spotAfter.MidPrice < spotBefore.MidPrice, $"the spot sale moves spot: {spotAfter.MidPrice} after {spotBefore.MidPrice}");
        // Inside the band there is nothing to take.
        Assert.Equal(UInt128.Zero, await sut.ArbitrageAsync(Weth));
    }

    [Fact]
    public async Task ArbitrageAsync_Off_LeavesThePerpAndSpotAlone()
    {
        var (spot, time) = MarketFixture.Create();
        var sut = new SimulatedPerpVenue(spot, new SimulatedPerpOptions(), time);
        await sut.TradeAsync(Sell("hedges", 3_000));

        Assert.Equal(UInt128.Zero, await sut.ArbitrageAsync(Weth));
        Assert.Equal(1.5 * 0.05 * Math.Sqrt(0.1), sut.Discount(Weth)!.Value, 9);
        Assert.Empty(sut.ArbitrageFills);
        Assert.Equal(UInt128.Zero, spot.State(Weth).CumulativeSold);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Options_BasisArbitrageBandOutOfRange_IsRefusedNamingIt(double band)
    {
        var e = Assert.Throws<ArgumentException>(() => new SimulatedPerpOptions { BasisArbitrageBand = band }.Validate());
        Assert.Contains("BasisArbitrageBand", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NonPositiveHalfLife_IsRefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new SimulatedPerpOptions { ImpactHalfLife = TimeSpan.Zero }.Validate());
        Assert.Contains("ImpactHalfLife", e.Message, StringComparison.Ordinal);
    }
}
