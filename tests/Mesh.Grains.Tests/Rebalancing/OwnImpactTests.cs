using Mesh.Grains.Markets;
using Mesh.Grains.Rebalancing;
using Mesh.Grains.Tests.Markets;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>
/// The mesh's own expected impact, which the cost of delay takes out of the prices it reads its trend from: on the
/// simulated venue (whose mid carries the hole and the permanent impact of what was sold), dividing the mid by
/// <c>1 −</c> the own impact gives back the market's price, so a fall the mesh's sales made reads as no fall.
/// </summary>
public sealed class OwnImpactTests
{
    private const double Phi = 2.0 / 3.0;
    private static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(false, 300)]
    [InlineData(true, 50)]   // within the revealed book (1% of the day's depth is 100 WETH)
    [InlineData(true, 300)]  // beyond it: the book is walked linearly
    [InlineData(true, 5_000)]
    public async Task OwnImpact_AfterSales_DeflatesTheVenuesMidToTheMarketsPrice(bool speedDependent, long sold)
    {
        var (venue, time) = Create(o => { o.MidIncludesTransientImpact = true; o.SpeedDependentImpact = speedDependent; });
        await venue.FilledAsync(Order("sale", Weths(sold)));
        var revealed = speedDependent ? BookImpact.RevealedFraction(HalfLife) : double.PositiveInfinity;
        var absorbed = sold / 10_000.0;

        foreach (var later in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(7) })
        {
            time.Advance(later);
            var market = venue.Conditions(Weth)!;
            var own = DelayCost.OwnImpact(market.DailyDepth!.Value, market.Depth, market.DailyVolatility, market.ImpactCoefficient, Phi, absorbed, revealed);
            var unimpacted = (double)market.MidPrice / (1 - own);

            Assert.True(own > 0.0, "the sale moved the mid");
            Assert.True(Relative(unimpacted, 2_000.0) < 1e-9, $"{market.MidPrice} ÷ (1 − {own}) = {unimpacted}, not the market's 2,000");
        }
    }

    [Fact]
    public void OwnImpact_NothingSoldAndNoHole_IsZero()
    {
        Assert.Equal(0.0, DelayCost.OwnImpact(1_000, 1_000, 0.05, 1.0, Phi, 0.0, BookImpact.RevealedFraction(HalfLife)));
    }

    [Fact]
    public void OwnImpact_NoDepthOrNoImpactLaw_IsZero()
    {
        Assert.Equal(0.0, DelayCost.OwnImpact(0, 0, 0.05, 1.0, Phi, 0.5, BookImpact.RevealedFraction(HalfLife)));
        Assert.Equal(0.0, DelayCost.OwnImpact(1_000, 10, 0.0, 1.0, Phi, 0.5, BookImpact.RevealedFraction(HalfLife)));
    }

    [Fact]
    public void OwnImpact_BookEmptiedManyTimesOver_IsCappedBelowTheWholePrice()
    {
        Assert.Equal(0.95, DelayCost.OwnImpact(1_000, 0, 0.5, 5.0, Phi, 100.0, BookImpact.RevealedFraction(HalfLife)));
    }

    [Fact]
    public void FallRate_OfDeflatedPrices_AFallTheMeshsOwnSalesMadeIsNoFall()
    {
        // The market's price stays at 2,000 while the mesh's sales take the traded price down by 2%, 5% and 9%.
        var t0 = Start;
        var traded = new[] { (t0, 2_000m, 0.0), (t0.AddMinutes(2), 1_960m, 0.02), (t0.AddMinutes(4), 1_900m, 0.05), (t0.AddMinutes(5), 1_820m, 0.09) };

        var raw = DelayCost.FallRate([.. traded.Select(p => (p.Item1, p.Item2))], TimeSpan.FromMinutes(5));
        var deflated = DelayCost.FallRate([.. traded.Select(p => (p.Item1, p.Item2 / (decimal)(1 - p.Item3)))], TimeSpan.FromMinutes(5));

        Assert.True(raw > 0.0003, "read from traded prices the sales' own hole looks like a steep fall");
        Assert.Equal(0.0, deflated, 12);
    }
}
