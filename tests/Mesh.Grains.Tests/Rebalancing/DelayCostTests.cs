using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

public sealed class DelayCostTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Capacity_PriceFallingOnePercentAMinute_SellsWhatWaitingTenMinutesCannotSave()
    {
        // μ = 1% a minute; the hole heals at λ = ln 2 / 600 s; the transient share of the marginal impact is
        // (1 − 2/3) × 1.5 × Y × σ = 0.03. Q = V × (μ / (λ × 0.03))² = 10⁶ × (0.1 / (ln 2 × 0.03))² = 23,126,322.
        var sut = DelayCost.Capacity(1_000_000, 1_000_000, 0.06, 1.0, 0.01 / 60, 2.0 / 3.0, TimeSpan.FromMinutes(10));

        Assert.Equal(23_126_322UL, (ulong)sut);
    }

    [Fact]
    public void Capacity_HalfTheDepthConsumedBySales_CountsTheHoleAlreadyThere()
    {
        var sut = DelayCost.Capacity(1_000_000, 500_000, 0.06, 1.0, 0.01 / 60, 2.0 / 3.0, TimeSpan.FromMinutes(10));

        Assert.Equal(22_626_322UL, (ulong)sut);
    }

    [Fact]
    public void Capacity_FallTooSlowForTheHole_IsZero()
    {
        // 0.01% a minute: μ / λ = 0.001 / ln 2 ≈ 0.14%, (0.0014 / 0.03)² × 10⁶ ≈ 2,200 < the 500,000 already consumed.
        Assert.Equal(UInt128.Zero, DelayCost.Capacity(1_000_000, 500_000, 0.06, 1.0, 0.0001 / 60, 2.0 / 3.0, TimeSpan.FromMinutes(10)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    public void Capacity_PriceNotFalling_IsZero(double fall)
    {
        Assert.Equal(UInt128.Zero, DelayCost.Capacity(1_000_000, 1_000_000, 0.06, 1.0, fall, 2.0 / 3.0, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Capacity_AllImpactPermanent_WaitingSavesNothing()
    {
        Assert.Equal(UInt128.MaxValue, DelayCost.Capacity(1_000_000, 1_000_000, 0.06, 1.0, 0.0001, 1.0, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Capacity_FasterFall_NeverLess()
    {
        var slow = DelayCost.Capacity(1_000_000, 800_000, 0.06, 1.0, 0.005 / 60, 2.0 / 3.0, TimeSpan.FromMinutes(10));
        var fast = DelayCost.Capacity(1_000_000, 800_000, 0.06, 1.0, 0.02 / 60, 2.0 / 3.0, TimeSpan.FromMinutes(10));

        Assert.True(fast > slow * 15, $"four times the fall sells sixteen times as much less the hole: {slow} then {fast}");
    }

    [Fact]
    public void FallRate_OnePercentOverFiveMinutes_IsTheLogFallPerSecond()
    {
        (DateTimeOffset, decimal)[] prices = [(T0.AddMinutes(-20), 2_000m), (T0, 3_000m), (T0.AddMinutes(2), 2_990m), (T0.AddMinutes(5), 2_970m)];

        var sut = DelayCost.FallRate(prices, TimeSpan.FromMinutes(5));

        // The price 20 minutes back is outside the window; ln(3000 / 2970) / 300 s.
        Assert.Equal(Math.Log(3_000.0 / 2_970.0) / 300, sut, 1e-15);
    }

    [Fact]
    public void FallRate_PriceRose_IsZero()
    {
        Assert.Equal(0.0, DelayCost.FallRate([(T0, 2_970m), (T0.AddMinutes(5), 3_000m)], TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void FallRate_PricesSpanLessThanHalfTheWindow_IsZero()
    {
        // Two minutes of a fall are too short to read a five-minute trend from.
        Assert.Equal(0.0, DelayCost.FallRate([(T0, 3_000m), (T0.AddMinutes(2), 2_900m)], TimeSpan.FromMinutes(5)));
    }
}
