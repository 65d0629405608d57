using Mesh.Grains.Rebalancing.Hedging;
using Mesh.Grains.Vaults;
using Mesh.Risk.Options;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.Hedging;

/// <summary>
/// Worked examples: WETH at 2,000 USD (volatility 0.6), USDC at 1, default band (5% of collateral value, at least the
/// 1,000 USD minimum hedge).
/// </summary>
public sealed class DeltaHedgeTests
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    internal static readonly UInt128 Weth = 1_000_000_000_000_000_000UL;
    private static readonly VaultKey Vault = new("hedge", "local-a");
    private static readonly Dictionary<string, int> Decimals = new(StringComparer.Ordinal) { ["WETH"] = 18, ["USDC"] = 6 };

    internal static readonly Dictionary<string, AssetMarket> Markets = new(StringComparer.Ordinal)
    {
        ["WETH"] = new AssetMarket("WETH", 2_000.0, 0.6, 5e8, 1.0, false),
        ["USDC"] = new AssetMarket("USDC", 1.0, 0.01, 5e8, 1.0, false),
    };

    internal static Mesh.Rebalancing.HedgeAdvice Advise(UInt128 weth, UInt128 wethDebt, IReadOnlyList<Exposure> exposures, HedgeOptions? options = null, UInt128? usdc = null)
    {
        var balances = new VaultBalances(
            new Dictionary<string, UInt128>(StringComparer.Ordinal) { ["WETH"] = weth, ["USDC"] = usdc ?? UInt128.Zero },
            new Dictionary<string, UInt128>(StringComparer.Ordinal) { ["WETH"] = wethDebt },
            Decimals);
        var portfolio = ExposurePortfolio.Build(exposures, Markets, Now, new VaultRiskOptions());
        return DeltaHedge.Advise(Vault, balances, Markets, portfolio.Greeks, a => a == "USDC", options ?? new HedgeOptions(), Now);
    }

    internal static Exposure Perp(decimal size, PositionSide side) => new("p", ExposureKind.Perp, "WETH", size, side, EntryPrice: 2_000m);

    [Fact]
    public void Advise_TenWethHeld_ShortPerpOfTenBringsDeltaToZero()
    {
        var sut = Advise(10 * Weth, UInt128.Zero, []);

        var line = Assert.Single(sut.Underlyings);
        Assert.Equal(20_000.0, sut.CollateralValueUsd, 1e-9);
        Assert.Equal(1_000.0, sut.BandUsd, 1e-9);
        Assert.Equal(10.0, line.NetDelta, 1e-12);
        Assert.Equal(20_000.0, line.NetDeltaUsd, 1e-9);
        Assert.Equal(PositionSide.Short, line.Side);
        Assert.Equal(10 * Weth, line.Quantity);
        Assert.Equal(20_000.0, line.NotionalUsd, 1e-9);
        Assert.Equal(0.0, line.NetDeltaAfter);
    }

    [Fact]
    public void Advise_AlreadyInsideTheBand_NoHedge()
    {
        // 10 held, a 9.8 short perp: 0.2 WETH = 400 USD, inside the 1,000 USD band.
        var sut = Advise(10 * Weth, UInt128.Zero, [Perp(9.8m, PositionSide.Short)]);

        var line = Assert.Single(sut.Underlyings);
        Assert.Equal(-9.8, line.ExposureDelta, 1e-12);
        Assert.Equal(0.2, line.NetDelta, 1e-12);
        Assert.Null(line.Side);
        Assert.Equal(UInt128.Zero, line.Quantity);
        Assert.Equal(0.0, line.NotionalUsd);
        Assert.Equal(line.NetDelta, line.NetDeltaAfter);
    }

    [Fact]
    public void Advise_ShortMoreThanHeld_LongPerpCoversTheShortDelta()
    {
        var sut = Advise(10 * Weth, UInt128.Zero, [Perp(15m, PositionSide.Short)]);

        var line = Assert.Single(sut.Underlyings);
        Assert.Equal(-5.0, line.NetDelta, 1e-12);
        Assert.Equal(PositionSide.Long, line.Side);
        Assert.Equal(5 * Weth, line.Quantity);
        Assert.Equal(0.0, line.NetDeltaAfterUsd);
    }

    [Fact]
    public void Advise_WethOwed_DebtIsAShortDelta()
    {
        // 10 WETH in the vault, 4 of them drawn from the pool: the vault is long 6.
        var sut = Advise(10 * Weth, 4 * Weth, []);

        var line = Assert.Single(sut.Underlyings);
        Assert.Equal(6.0, line.HoldingsDelta, 1e-12);
        Assert.Equal(6 * Weth, line.Quantity);
        Assert.Equal(PositionSide.Short, line.Side);
    }

    [Fact]
    public void Advise_ShortPuts_TheirDeltaAddsToTheHoldings()
    {
        // 20 short puts, strike 1,800, 30 days, implied volatility 0.7: a short put is long delta, 20 × (−put delta).
        var expiry = Now.AddDays(30);
        var put = new Exposure("o", ExposureKind.Option, "WETH", 20m, PositionSide.Short, OptionRight.Put, 1_800m, expiry, ImpliedVolatility: 0.7m);
        var delta = BlackScholes.Greeks(OptionType.Put, 2_000.0, 1_800.0, 0.0, 0.0, 0.7, 30.0 / 365.0).Delta;

        var sut = Advise(10 * Weth, UInt128.Zero, [put]);

        var line = Assert.Single(sut.Underlyings);
        Assert.InRange(delta, -0.5, -0.1);
        Assert.Equal(-20.0 * delta, line.ExposureDelta, 1e-9);
        Assert.Equal(10.0 - (20.0 * delta), line.NetDelta, 1e-9);
        Assert.Equal(PositionSide.Short, line.Side);
        Assert.Equal(10.0 - (20.0 * delta), (double)line.Quantity / 1e18, 1e-9);
    }

    [Fact]
    public void Advise_StableCollateral_CarriesNoDeltaButWidensTheBand()
    {
        // 1,000,000 USDC and 10 WETH: the band is 5% of 1,020,000 USD, more than the 10 WETH are worth.
        var sut = Advise(10 * Weth, UInt128.Zero, [], usdc: 1_000_000UL * 1_000_000UL);

        var line = Assert.Single(sut.Underlyings);
        Assert.Equal("WETH", line.Underlying);
        Assert.Equal(51_000.0, sut.BandUsd, 1e-6);
        Assert.Null(line.Side);
    }

    [Theory]
    [InlineData(0.05, 0, 1_000, 0.4, false)] // 800 USD: inside 1,000
    [InlineData(0.05, 0, 1_000, 0.6, true)] // 1,200 USD: outside
    [InlineData(0.0001, 0, 1_000, 0.4, false)] // a tiny fraction band: the minimum hedge still holds it back
    [InlineData(0, 5_000, 0, 2.4, false)] // absolute band of 5,000 USD: 4,800 inside
    [InlineData(0, 5_000, 0, 2.6, true)]
    [InlineData(0.5, 0, 0, 1.0, false)] // half of 2 WETH held (4,000 USD): a 2,000 USD delta on the edge stays
    public void Advise_BandSettings_HedgeOnlyOutsideTheWidest(double fraction, double absolute, double minimum, double netWeth, bool hedged)
    {
        // Holdings of netWeth + 1 WETH and a 1 WETH short perp: the collateral is worth (netWeth + 1) × 2,000 USD.
        var options = new HedgeOptions { BandFraction = fraction, BandUsd = absolute, MinimumHedgeUsd = minimum };
        var held = (UInt128)Math.Round((netWeth + 1.0) * 1e6) * 1_000_000_000_000UL;

        var sut = Advise(held, UInt128.Zero, [Perp(1m, PositionSide.Short)], options);

        var line = Assert.Single(sut.Underlyings);
        Assert.Equal(netWeth, line.NetDelta, 1e-12);
        Assert.Equal(hedged, line.Side is not null);
        Assert.True(Math.Abs(line.NetDeltaAfterUsd) <= sut.BandUsd);
        if (hedged)
        {
            Assert.True(line.NotionalUsd >= minimum);
        }
    }
}
