using Mesh.Grains.Markets;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Markets;

/// <summary>The book that refills at a finite rate: within it the square root, beyond it a line; a block pays more than the same quantity spread over the refill time.</summary>
public sealed class SpeedDependentImpactTests
{
    [Fact]
    public void RevealedFraction_TenMinuteHalfLife_HoldsOnePercentOfADay()
    {
        // 600 s ÷ ln 2 = 865.6 s of a day's 86,400 s.
        Assert.Equal(0.0100186, BookImpact.RevealedFraction(TimeSpan.FromMinutes(10)), 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.004)]
    [InlineData(0.01)]
    public void Marginal_WithinTheBook_IsTheSquareRoot(double z) =>
        Assert.Equal(1.5 * Math.Sqrt(z), BookImpact.Marginal(z, 0.01), 12);

    [Fact]
    public void Marginal_BeyondTheBook_GrowsLinearlyFromTheSquareRootsTangent()
    {
        // z* = 0.01: edge 1.5 × 0.1 = 0.15; slope 0.15 ÷ (2 × 0.01) = 7.5 per unit of z.
        Assert.Equal(0.15 + (7.5 * 0.09), BookImpact.Marginal(0.10, 0.01), 12);
        Assert.Equal(0.15 + (7.5 * 0.99), BookImpact.Marginal(1.00, 0.01), 12);
        Assert.True(BookImpact.Marginal(1.0, 0.01) > 1.5 * Math.Sqrt(1.0) * 4, "beyond the book the line must lie far above the square root");
    }

    [Theory]
    [InlineData(0.0, 0.005)]
    [InlineData(0.0, 0.05)]
    [InlineData(0.004, 0.5)]
    [InlineData(0.02, 0.3)]
    public void Mean_IsTheAverageOfTheMarginalOverTheSale(double before, double sold)
    {
        const int Slices = 200_000;
        var sum = 0.0;
        for (var i = 0; i < Slices; i++)
        {
            sum += BookImpact.Marginal(before + (sold * (i + 0.5) / Slices), 0.01);
        }

        Assert.Equal(sum / Slices, BookImpact.Mean(before, sold, 0.01), 7);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.15)]
    [InlineData(3.0)]
    public void Inverse_UndoesMarginal(double cost) =>
        Assert.Equal(cost, BookImpact.Marginal(BookImpact.Inverse(cost, 0.01), 0.01), 10);

    [Fact]
    public async Task SellAsync_SpeedDependent_ASmallSaleWithinTheBookPaysTheSquareRoot()
    {
        // 50 WETH of 10,000 is 0.5% of the day, inside the 1% the book holds: Y·σ·√(q/V) as before.
        var (sut, _) = Create(m => m.SpeedDependentImpact = true);

        var fill = await sut.FilledAsync(Order("o-1", Weths(50)));

        Assert.True(Relative(fill.Slippage, 0.05 * Math.Sqrt(0.005)) < 1e-9, $"slippage {fill.Slippage}");
    }

    [Fact]
    public async Task SellAsync_SpeedDependent_ABlockOfADaysDepthWalksTheBookFarBelowTheSquareRoot()
    {
        var (plain, _) = Create();
        var (walked, _) = Create(m => m.SpeedDependentImpact = true);

        var sqrt = await plain.FilledAsync(Order("o-1", Weths(10_000)));
        var book = await walked.FilledAsync(Order("o-1", Weths(10_000)));

        // Permanent share 2/3 of Y·σ·√1 = 3.33%; the hole's mean cost on the line is ~(0.15 + 7.5 × 0.49) × 0.05 / 3.
        var expected = 0.05 * ((2.0 / 3.0 * 1.0) + (BookImpact.Mean(0, 1.0, BookImpact.RevealedFraction(TimeSpan.FromMinutes(10))) / 3.0));
        Assert.True(Relative(book.Slippage, expected) < 1e-9, $"slippage {book.Slippage}, expected {expected}");
        // 9.7% against the square root's 5%: the hole's share alone is about four times as deep.
        Assert.True(book.Slippage > 1.9 * sqrt.Slippage, $"book {book.Slippage}, square root {sqrt.Slippage}");
    }

    [Fact]
    public async Task SellAsync_SpeedDependent_SpreadOverTheRefillTimePaysFarLessThanOneBlock()
    {
        // Without a permanent share (paid alike whenever the quantity is sold), only the hole is compared.
        var (block, _) = Create(m => (m.SpeedDependentImpact, m.PermanentImpactFraction) = (true, 0.0));
        var (spread, time) = Create(m => (m.SpeedDependentImpact, m.PermanentImpactFraction) = (true, 0.0));

        var one = await block.FilledAsync(Order("block", Weths(2_000)));
        var paid = UInt128.Zero;
        for (var i = 0; i < 20; i++)
        {
            paid += (await spread.FilledAsync(Order($"slice-{i}", Weths(100)))).Proceeds;
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.True(paid > one.Proceeds, $"spread {paid}, block {one.Proceeds}");
        var shortfall = (4_000_000m - (decimal)one.Proceeds / 1_000_000m) / 4_000_000m;
        var spreadShortfall = (4_000_000m - (decimal)paid / 1_000_000m) / 4_000_000m;
        Assert.True(spreadShortfall < shortfall / 2, $"spread lost {spreadShortfall:P2}, block {shortfall:P2}");
    }

    [Fact]
    public async Task SellAsync_LiquidationOrder_PaysTheFillLessTheBonus()
    {
        var (sut, _) = Create(liquidationBonus: 0.05);
        var (plain, _) = Create();

        var liquidated = await sut.FilledAsync(Order("o-1", Weths(100)) with { Liquidation = true });
        var sold = await plain.FilledAsync(Order("o-1", Weths(100)));

        Assert.Equal(sold.AveragePrice, liquidated.AveragePrice);
        Assert.Equal((UInt128)decimal.Floor((decimal)sold.Proceeds / 1.05m), liquidated.Proceeds);
        Assert.Equal(liquidated.Proceeds, sut.State(Weth).CumulativeProceeds);
    }

    [Fact]
    public void Validate_LiquidationBonusOutOfRange_NamesIt()
    {
        var options = Options();
        options.LiquidationBonus = 1.5;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedMarket.Create(options, TimeProvider.System));

        Assert.Contains("Markets:LiquidationBonus", e.Message, StringComparison.Ordinal);
    }
}
