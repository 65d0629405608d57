using Mesh.Grains.Markets;
using Mesh.Risk.Haircuts;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Markets;

/// <summary>The square-root law on a fresh market, the permanent/transient split, depth recovery and the control surface.</summary>
public sealed class SimulatedMarketVenueTests
{
    private const double PriceTolerance = 1e-10;

    [Fact]
    public async Task SellAsync_HundredWethIntoTenThousandOfDepth_FillsHalfAPercentBelowMid()
    {
        // Y·σ·√(q/V) = 1 × 0.05 × √(100 / 10,000) = 0.005: 2,000 × 0.995 = 1,990 USDC a WETH, 199,000 USDC in all.
        var (sut, _) = Create();

        var fill = await sut.FilledAsync(Order("o-1", Weths(100)));

        Assert.Equal(2_000m, fill.MidBefore);
        Assert.True(Relative((double)fill.AveragePrice, 1_990) < PriceTolerance, $"average {fill.AveragePrice}");
        Assert.True(Relative(fill.Slippage, 0.005) < 1e-9, $"slippage {fill.Slippage}");
        Assert.Equal(ExpectedProceeds(fill), fill.Proceeds);
        Assert.InRange((double)fill.Proceeds, 199_000e6 * (1 - PriceTolerance), 199_000e6 * (1 + PriceTolerance));
        Assert.Equal(Weths(100), fill.Sold);
        Assert.Equal("USDC", fill.QuoteAsset);
        Assert.Equal(Start, fill.FilledAt);
    }

    [Theory]
    [InlineData(1, 0.05, 1.0)]
    [InlineData(100, 0.05, 1.0)]
    [InlineData(2_500, 0.05, 1.0)]
    [InlineData(10_000, 0.05, 1.0)]
    [InlineData(400, 0.08, 0.7)]
    public async Task SellAsync_OnAFreshMarket_SlippageIsTheSquareRootLaw(long weth, double sigma, double y)
    {
        var (sut, _) = Create(m =>
        {
            m.DailyVolatility = sigma;
            m.ImpactCoefficient = y;
        });

        var fill = await sut.FilledAsync(Order("o-1", Weths(weth)));

        var expected = MarketImpact.SquareRoot(sigma, weth, 10_000, y);
        Assert.True(Relative(fill.Slippage, expected) < 1e-9, $"slippage {fill.Slippage}, square-root law {expected}");
    }

    [Theory]
    [InlineData(0.0, 2_000.0)]
    [InlineData(2.0 / 3.0, 1_990.0)]
    [InlineData(1.0, 1_985.0)]
    public async Task SellAsync_MidFallsByThePermanentShareOfThePeakImpact(double permanent, double expectedMid)
    {
        // Peak impact = 1.5 × 0.005; the mid keeps the permanent share of it. At 2/3 it lands on the average fill price.
        var (sut, _) = Create(m => m.PermanentImpactFraction = permanent);

        var fill = await sut.FilledAsync(Order("o-1", Weths(100)));

        Assert.True(Relative((double)fill.MidAfter, expectedMid) < PriceTolerance, $"mid after {fill.MidAfter}");
        Assert.Equal(fill.MidAfter, sut.Conditions(Weth)!.MidPrice);
    }

    [Fact]
    public async Task SellAsync_TheTransientPartHealsWithTheBook_ThePermanentPartStays()
    {
        var (immediate, _) = Create();
        var (later, time) = Create();
        await immediate.FilledAsync(Order("a", Weths(1_000)));
        await later.FilledAsync(Order("a", Weths(1_000)));
        time.Advance(TimeSpan.FromHours(10)); // 60 half-lives: the book is whole again

        var second = await immediate.FilledAsync(Order("b", Weths(1_000)));
        var afterRecovery = await later.FilledAsync(Order("b", Weths(1_000)));

        Assert.Equal(second.MidBefore, afterRecovery.MidBefore); // the permanent part did not decay
        Assert.True(afterRecovery.MidBefore < 2_000m);
        Assert.True(second.Slippage > afterRecovery.Slippage, $"{second.Slippage} vs {afterRecovery.Slippage}");
        Assert.True(afterRecovery.Slippage > 0);
    }

    [Fact]
    public async Task Conditions_DepthConsumedBySales_RecoversWithTheHalfLife()
    {
        var (sut, time) = Create();
        await sut.FilledAsync(Order("o-1", Weths(1_000)));
        var consumed = sut.Conditions(Weth)!.Depth;

        time.Advance(TimeSpan.FromMinutes(10));
        var oneHalfLife = sut.Conditions(Weth)!.Depth;
        time.Advance(TimeSpan.FromMinutes(10));
        var twoHalfLives = sut.Conditions(Weth)!.Depth;

        Assert.Equal(9_000.0, (double)consumed / (double)OneWeth, 9);
        Assert.Equal(9_500.0, (double)oneHalfLife / (double)OneWeth, 9);
        Assert.Equal(9_750.0, (double)twoHalfLives / (double)OneWeth, 9);
    }

    [Fact]
    public async Task SetExogenous_MovesTheMidAndKeepsThePermanentImpactFactor()
    {
        var (sut, _) = Create();
        await sut.FilledAsync(Order("o-1", Weths(100)));

        sut.SetExogenous(Weth, 1_500m);

        var state = sut.State(Weth);
        Assert.Equal(1_500m, state.ExogenousPrice);
        Assert.True(Relative(state.PermanentImpactFactor, 0.995) < 1e-12);
        Assert.True(Relative((double)state.MidPrice, 1_500 * 0.995) < PriceTolerance, $"mid {state.MidPrice}");
    }

    [Fact]
    public async Task SetExogenous_DepthContractsSeventyPercent_ImpactRisesByTheSquareRoot()
    {
        var (sut, _) = Create();
        sut.SetExogenous(Weth, 2_000m, 0.3);

        var conditions = sut.Conditions(Weth)!;
        var fill = await sut.FilledAsync(Order("o-1", Weths(100)));

        Assert.Equal(3_000.0, (double)conditions.Depth / (double)OneWeth, 9);
        Assert.True(Relative(fill.Slippage, 0.05 * Math.Sqrt(100.0 / 3_000)) < 1e-9, $"slippage {fill.Slippage}");
        Assert.Equal(0.3, sut.State(Weth).DepthMultiplier);
    }

    [Fact]
    public async Task State_AfterTwoSales_TotalsAreExact()
    {
        var (sut, _) = Create();
        var a = await sut.FilledAsync(Order("a", Weths(100)));
        var b = await sut.FilledAsync(Order("b", Weths(250) + 7)); // odd base units are kept exactly

        var state = sut.State(Weth);

        Assert.Equal(Weths(350) + 7, state.CumulativeSold);
        Assert.Equal(a.Proceeds + b.Proceeds, state.CumulativeProceeds);
        var atMid = (UInt128)decimal.Floor(100m * a.MidBefore * 1e6m) + (UInt128)decimal.Floor((decimal)(Weths(250) + 7) / 1e18m * b.MidBefore * 1e6m);
        Assert.Equal(atMid - state.CumulativeProceeds, state.CumulativeSlippage);
        Assert.Equal(700_000_000_000UL - state.CumulativeProceeds, state.CumulativeShortfall); // 350 WETH at the exogenous 2,000 USDC; 7 wei are worth less than a base unit
        Assert.Equal(2, state.Fills);
        Assert.Equal([a, b], sut.Fills(Weth));
    }

    [Fact]
    public async Task SellAsync_SpreadOverTime_FetchesMoreThanOneBlock()
    {
        var (block, _) = Create();
        var (spread, time) = Create();

        var blockFill = await block.FilledAsync(Order("block", Weths(2_000)));
        UInt128 spreadProceeds = 0;
        for (var i = 0; i < 10; i++)
        {
            spreadProceeds += (await spread.FilledAsync(Order($"slice-{i}", Weths(200)))).Proceeds;
            time.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.True(spreadProceeds > blockFill.Proceeds, $"{spreadProceeds} vs {blockFill.Proceeds}");
        Assert.True(Relative((double)spread.State(Weth).MidPrice, (double)block.State(Weth).MidPrice) < 1e-9); // same permanent impact
    }

    [Fact]
    public async Task SellAsync_SameInputsOnTwoVenues_SameFills()
    {
        var (first, firstTime) = Create();
        var (second, secondTime) = Create();

        foreach (var (venue, time) in new[] { (first, firstTime), (second, secondTime) })
        {
            for (var i = 1; i <= 20; i++)
            {
                venue.SetExogenous(Weth, 2_000m - (i * 10m), 1.0 - (i * 0.02));
                await venue.FilledAsync(Order($"o-{i}", Weths(i * 37)));
                time.Advance(TimeSpan.FromSeconds(15));
            }
        }

        Assert.Equal(first.Fills(Weth), second.Fills(Weth));
    }
}
