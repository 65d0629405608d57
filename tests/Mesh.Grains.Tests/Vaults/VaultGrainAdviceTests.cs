using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Vaults;

/// <summary>Allocation and hedge advice through the real vault: deposits final on the simulated chain, reported exposures, oracle prices.</summary>
public sealed class VaultGrainAdviceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private readonly Members _members = new(fixture);

    private async Task<IVaultGrain> VaultAsync(string prefix, int n, UInt128 weth, UInt128 usdc)
    {
        await _members.PricesAsync();
        var (_, vault, account) = await _members.JoinAsync(prefix, n);
        foreach (var (asset, amount) in new[] { ("WETH", weth), ("USDC", usdc) }.Where(d => d.Item2 > UInt128.Zero))
        {
            _members.SimulatedChain.Fund(account, asset, amount);
            Assert.Equal(OperationStatus.Completed, (await Members.SettledAsync(vault, await vault.Deposit(new VaultMovement($"dep-{asset}", asset, amount)))).Status);
        }

        return vault;
    }

    [Fact]
    public async Task AllocationAdvice_WethAndALittleUsdc_SellsWethUpToTheCalmFloor()
    {
        var sut = await VaultAsync("alloc", 0x301, 10 * Members.WethUnit, 2_000 * Members.UsdcUnit);

        var advice = await sut.AllocationAdvice(predictive: true);

        // 20,000 USD of WETH and 2,000 of USDC; too little history for a regime yet: calm, a 20% floor.
        Assert.Equal(MarketRegime.Calm, advice.Regime);
        Assert.True(advice.Rebalance, advice.Reason);
        Assert.Equal(22_000.0, advice.CollateralValueUsd, 1e-6);
        Assert.Equal(12 * Members.WethUnit / 10, advice.Assets.Single(a => a.Asset == "WETH").Sell);
        Assert.Equal(2_400 * Members.UsdcUnit, advice.Assets.Single(a => a.Asset == "USDC").Buy);
        Assert.False(advice.Stale);
        Assert.Equal(10 * Members.WethUnit, (await sut.Books()).Balances["WETH"]); // advice moves nothing
    }

    [Fact]
    public async Task AllocationAdvice_ForecastAboveRealizedAtTheVault_PredictiveModeShiftsFirst()
    {
        var sut = await VaultAsync("predict", 0x302, 10 * Members.WethUnit, 2_000 * Members.UsdcUnit);
        var live = await fixture.Client.GetGrain<IOracleGrain>("WETH").Snapshot();

        // The round a revaluation partition would deliver once the GARCH forecast (0.7) rises above EWMA (0.5, the long-run level).
        await sut.OnPrice(live with { Round = live.Round + 1_000_000, EwmaVolatility = 0.5, ForecastVolatility = 0.7, LongRunVolatility = 0.5 });
        var predictive = await sut.AllocationAdvice(predictive: true);
        var realized = await sut.AllocationAdvice(predictive: false);

        Assert.Equal(MarketRegime.Elevated, predictive.Regime);
        Assert.Equal(MarketRegime.Calm, realized.Regime);
        Assert.Equal(34 * Members.WethUnit / 10, predictive.Assets.Single(a => a.Asset == "WETH").Sell);
        Assert.Equal(12 * Members.WethUnit / 10, realized.Assets.Single(a => a.Asset == "WETH").Sell);
    }

    [Fact]
    public async Task HedgeAdvice_WethWithAShortPerpAndAShortPut_HedgesTheNetDeltaToZero()
    {
        var sut = await VaultAsync("hedge", 0x303, 10 * Members.WethUnit, UInt128.Zero);
        var put = new Exposure("o1", ExposureKind.Option, "WETH", 5m, PositionSide.Short, OptionRight.Put, 1_800m, TimeProvider.System.GetUtcNow().AddDays(30), ImpliedVolatility: 0.7m);
        var health = await sut.ReportExposures([new Exposure("p1", ExposureKind.Perp, "WETH", 4m, PositionSide.Short, EntryPrice: 2_000m), put]);

        var advice = await sut.HedgeAdvice();

        var line = Assert.Single(advice.Underlyings);
        var greeks = health.Greeks.Single(g => g.Underlying == "WETH");
        Assert.Equal(greeks.Delta, line.ExposureDelta, 1e-6); // the same delta the vault's health reports
        Assert.Equal(10.0, line.HoldingsDelta, 1e-12);
        Assert.Equal(10.0 + greeks.Delta, line.NetDelta, 1e-6);
        Assert.Equal(PositionSide.Short, line.Side);
        Assert.Equal(line.NetDelta, (double)line.Quantity / 1e18, 1e-6);
        Assert.Equal(0.0, line.NetDeltaAfter);
        Assert.Equal(line.NetDelta * 2_000.0, line.NotionalUsd, 1e-3);
    }

    [Fact]
    public async Task HedgeAdvice_NearlyNeutralBook_NoHedge()
    {
        var sut = await VaultAsync("neutral", 0x304, 10 * Members.WethUnit, 1_000 * Members.UsdcUnit);
        await sut.ReportExposures([new Exposure("p1", ExposureKind.Perp, "WETH", 9.8m, PositionSide.Short, EntryPrice: 2_000m)]);

        var advice = await sut.HedgeAdvice();

        var line = Assert.Single(advice.Underlyings); // USDC carries no delta
        Assert.Equal(0.2, line.NetDelta, 1e-12);
        Assert.Null(line.Side);
        Assert.Equal(UInt128.Zero, line.Quantity);
        Assert.Equal(1_050.0, advice.BandUsd, 1e-6); // 5% of 21,000 USD
    }
}
