using Mesh.Grains.Rebalancing.Allocation;
using Mesh.Oracles;
using static Mesh.Grains.Tests.Rebalancing.Allocation.AllocationTestData;

namespace Mesh.Grains.Tests.Rebalancing.Allocation;

/// <summary>
/// Worked examples on one vault: 10 WETH at 2,000 USD and 2,000 USDC (22,000 USD, 9.09% stable), under the default
/// floors (calm 20%, elevated 40%, stressed 60%), a five-point tolerance and a 1,000 USD minimum sale.
/// </summary>
public sealed class AllocationPolicyTests
{
    private static readonly AllocationOptions Defaults = new();

    private static List<AllocationHolding> Book(double? ewma = 0.5, double forecast = 0.5, double? longRun = 0.5, bool breaker = false) =>
        [WethHolding(10 * Weth, ewma, forecast, longRun, breaker: breaker), UsdcHolding(2_000 * Usdc)];

    // Floor × 22,000 USD − 2,000 USD held = what to sell; at 2,000 USD a WETH and 1 USD a USDC.
    [Theory]
    [InlineData(0.50, MarketRegime.Calm, 0.20, "1200000000000000000", "2400000000")]
    [InlineData(0.75, MarketRegime.Elevated, 0.40, "3400000000000000000", "6800000000")]
    [InlineData(1.00, MarketRegime.Stressed, 0.60, "5600000000000000000", "11200000000")]
    public void Advise_RegimeOfRealizedVolatility_SellsWethIntoUsdcUpToTheFloor(double ewma, MarketRegime regime, double floor, string sellWeth, string buyUsdc)
    {
        var sut = AllocationPolicy.Advise(Vault, Book(ewma, ewma, 0.5), predictive: false, Defaults, Now);

        Assert.Equal(regime, sut.Regime);
        Assert.True(sut.Rebalance, sut.Reason);
        Assert.Equal("rebalance", sut.Reason);
        Assert.Equal(22_000.0, sut.CollateralValueUsd, 1e-9);
        Assert.Equal(2_000.0 / 22_000.0, sut.StableWeight, 1e-12);
        Assert.Equal(floor, sut.MinStableWeight);
        Assert.Equal(floor, sut.TargetStableWeight, 1e-12);
        var weth = sut.Assets.Single(a => a.Asset == "WETH");
        var usdc = sut.Assets.Single(a => a.Asset == "USDC");
        Assert.Equal(UInt128.Parse(sellWeth), weth.Sell);
        Assert.Equal(UInt128.Parse(buyUsdc), usdc.Buy);
        Assert.Equal(UInt128.Zero, weth.Buy);
        Assert.Equal(UInt128.Zero, usdc.Sell);
        Assert.Equal(20_000.0 / 22_000.0, weth.Weight, 1e-12);
        Assert.Equal(1.0 - floor, weth.TargetWeight, 1e-12);
        Assert.Equal(regime, weth.Regime);
        Assert.Null(usdc.Regime);
        Assert.Equal((floor * 22_000.0) - 2_000.0, sut.SellValueUsd, 1e-6);
    }

    [Fact]
    public void Advise_ForecastAboveRealized_PredictiveShiftsToStableBeforeTheRealizedRegimeTurns()
    {
        // GARCH forecasts 0.70 against a long-run 0.50 (ratio 1.4: elevated); EWMA still reads 0.50 (calm).
        var book = Book(ewma: 0.5, forecast: 0.7, longRun: 0.5);

        var realized = AllocationPolicy.Advise(Vault, book, predictive: false, Defaults, Now);
        var sut = AllocationPolicy.Advise(Vault, book, predictive: true, Defaults, Now);

        Assert.Equal(MarketRegime.Calm, realized.Regime);
        Assert.Equal(MarketRegime.Elevated, sut.Regime);
        Assert.True(sut.Predictive);
        Assert.Equal(0.7, sut.Assets.Single(a => a.Asset == "WETH").Volatility);
        Assert.Equal(0.5, realized.Assets.Single(a => a.Asset == "WETH").Volatility);
        Assert.Equal(UInt128.Parse("1200000000000000000"), realized.Assets.Single(a => a.Asset == "WETH").Sell);
        Assert.Equal(UInt128.Parse("3400000000000000000"), sut.Assets.Single(a => a.Asset == "WETH").Sell);
    }

    [Fact]
    public void Advise_RealizedAboveForecast_PredictiveIsNeverLessCautiousThanTheOraclesRegime()
    {
        // After a shock GARCH mean-reverts faster than EWMA forgets: the oracle's regime is the higher of the two.
        var sut = AllocationPolicy.Advise(Vault, Book(ewma: 1.0, forecast: 0.6, longRun: 0.5), predictive: true, Defaults, Now);

        Assert.Equal(MarketRegime.Stressed, sut.Regime);
    }

    [Fact]
    public void Advise_BreakerOpen_StressedInBothModes()
    {
        var book = Book(breaker: true);

        Assert.Equal(MarketRegime.Stressed, AllocationPolicy.Advise(Vault, book, predictive: false, Defaults, Now).Regime);
        Assert.Equal(MarketRegime.Stressed, AllocationPolicy.Advise(Vault, book, predictive: true, Defaults, Now).Regime);
    }

    [Fact]
    public void Advise_NoHistory_CalmAsTheOraclePublishesIt()
    {
        // Before history the forecast is the configured fallback and there is no long-run level: calm.
        var sut = AllocationPolicy.Advise(Vault, Book(ewma: null, forecast: 0.8, longRun: null), predictive: true, Defaults, Now);

        Assert.Equal(MarketRegime.Calm, sut.Regime);
        Assert.Equal(0.20, sut.MinStableWeight);
    }

    [Theory]
    [InlineData(5_000, "at_or_above_target")] // 5,000 / 25,000: exactly 20%
    [InlineData(9_000, "at_or_above_target")]
    [InlineData(3_600, "within_tolerance")] // 3,600 / 23,600 = 15.3%: less than five points below
    [InlineData(3_500, "rebalance")] // 3,500 / 23,500 = 14.9%: more than five points below
    public void Advise_StableShareNearTheFloor_ActsOnlyBelowTheTolerance(int usdc, string reason)
    {
        var book = new[] { WethHolding(10 * Weth), UsdcHolding((UInt128)usdc * Usdc) };

        var sut = AllocationPolicy.Advise(Vault, book, predictive: true, Defaults, Now);

        Assert.Equal(reason, sut.Reason);
        Assert.Equal(reason == "rebalance", sut.Rebalance);
        Assert.Equal(reason == "rebalance", sut.Assets.Any(a => a.Sell > UInt128.Zero));
        if (!sut.Rebalance)
        {
            Assert.All(sut.Assets, a => Assert.Equal(a.Weight, a.TargetWeight));
            Assert.Equal(sut.StableWeight, sut.TargetStableWeight);
        }
    }

    [Fact]
    public void Advise_SaleBelowTheMinimumChange_Holds()
    {
        // 0.25 WETH and nothing stable: reaching 20% is a 100 USD sale.
        var sut = AllocationPolicy.Advise(Vault, [WethHolding(Weth / 4), UsdcHolding(UInt128.Zero)], predictive: true, Defaults, Now);

        Assert.False(sut.Rebalance);
        Assert.Equal("below_minimum_change", sut.Reason);
        Assert.Equal(0.0, sut.SellValueUsd);
    }

    [Fact]
    public void Advise_NoStableHeld_BuysThePreferredStableOfTheChain()
    {
        var sut = AllocationPolicy.Advise(Vault, [WethHolding(10 * Weth), UsdcHolding(UInt128.Zero)], predictive: true, Defaults, Now);

        var usdc = sut.Assets.Single(a => a.Asset == "USDC");
        Assert.Equal(UInt128.Zero, usdc.Amount);
        Assert.Equal(4_000 * Usdc, usdc.Buy);
        Assert.Equal(0.2, usdc.TargetWeight, 1e-12);
        Assert.Equal(UInt128.Parse("2000000000000000000"), sut.Assets.Single(a => a.Asset == "WETH").Sell);
    }

    [Fact]
    public void Advise_TwoRiskyAssets_SellsProRataAndTheMostStressedRegimeRules()
    {
        var wbtc = new AllocationHolding("WBTC", 100_000_000, 8, Snapshot("WBTC", 60_000m, 1.2, 1.2, 0.5), new Mesh.Risk.Volatility.VolatilityRegimeOptions());
        var book = new[] { WethHolding(20 * Weth), wbtc, UsdcHolding(UInt128.Zero) };

        var sut = AllocationPolicy.Advise(Vault, book, predictive: false, Defaults, Now);

        // 40,000 + 60,000 USD, stressed by WBTC: 60,000 USD to sell, 40% of it WETH (12 WETH) and 60% WBTC (0.6 BTC).
        Assert.Equal(MarketRegime.Stressed, sut.Regime);
        Assert.Equal(12 * Weth, sut.Assets.Single(a => a.Asset == "WETH").Sell);
        Assert.Equal((UInt128)60_000_000, sut.Assets.Single(a => a.Asset == "WBTC").Sell);
        Assert.Equal(60_000 * Usdc, sut.Assets.Single(a => a.Asset == "USDC").Buy);
        Assert.Equal(MarketRegime.Calm, sut.Assets.Single(a => a.Asset == "WETH").Regime);
    }

    [Fact]
    public void Advise_AnAssetWithoutPrice_HoldsAndSaysSo()
    {
        var unpriced = new AllocationHolding("WBTC", 100_000_000, 8, null, new Mesh.Risk.Volatility.VolatilityRegimeOptions());

        var sut = AllocationPolicy.Advise(Vault, [WethHolding(10 * Weth), unpriced], predictive: true, Defaults, Now);

        Assert.False(sut.Rebalance);
        Assert.Equal("no_price", sut.Reason);
    }

    [Fact]
    public void Advise_NothingHeld_NoCollateral()
    {
        var sut = AllocationPolicy.Advise(Vault, [UsdcHolding(UInt128.Zero)], predictive: true, Defaults, Now);

        Assert.Equal("no_collateral", sut.Reason);
        Assert.Empty(sut.Assets);
    }

    [Fact]
    public void Advise_NoStableAssetToBuy_Holds()
    {
        var sut = AllocationPolicy.Advise(Vault, [WethHolding(10 * Weth)], predictive: true, Defaults, Now);

        Assert.Equal("no_stable_asset", sut.Reason);
        Assert.False(sut.Rebalance);
    }

    [Fact]
    public void Advise_StalePrice_FlagsTheAdvice()
    {
        var stale = WethHolding(10 * Weth) with { Snapshot = Snapshot("WETH", 2_000m, 0.5, 0.5, 0.5, fresh: false) };

        var sut = AllocationPolicy.Advise(Vault, [stale, UsdcHolding(UInt128.Zero)], predictive: true, Defaults, Now);

        Assert.True(sut.Stale);
        Assert.True(sut.Rebalance);
    }
}
