using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Rebalancing;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// The predictive shift on the real vault, coordinator and venue: a healthy vault whose oracle round carries a GARCH
/// forecast above the realized volatility sells WETH into USDC through its coordinator before its health factor has
/// come near its band, keeps the proceeds as collateral, and stops once its stable share is at the regime's floor.
/// </summary>
public sealed class PredictiveShiftTests(SaleFixture fixture) : IClassFixture<SaleFixture>
{
    private readonly Members _members = new(fixture);

    [Fact]
    public async Task OnPrice_ForecastTurnsTheRegimeElevated_HealthyVaultShiftsToTheFloorThroughItsCoordinatorAndKeepsTheProceeds()
    {
        var sut = await _members.SellerAsync(0x51, new RebalanceSettings(AutoSell: true, Predictive: true));
        var live = await fixture.Client.GetGrain<IOracleGrain>("WETH").Snapshot();
        var elevated = live with { EwmaVolatility = 0.5, ForecastVolatility = 0.7, LongRunVolatility = 0.5 };
        var debt = DebtOf(await sut.Health());

        // The forecast (0.7) is above the long-run level by more than the elevated ratio while EWMA is at it: the
        // predictive regime is elevated, a 40% floor on the stable share of a book that holds none.
        await sut.OnPrice(elevated with { Round = live.Round + 1_000_001 });
        var health = await sut.Health();
        Assert.True(health.HealthFactor >= 1.25, $"health factor {health.HealthFactor}: the shift comes before the band");
        var placed = await sut.Rebalancing();
        Assert.Matches(@"/WETH/shift-0$", placed.OpenRequest);
        var grant = await fixture.Client.GetGrain<IRebalanceCoordinatorGrain>("WETH").Status(placed.OpenRequest!);
        // Granted at once (the fixture's grants live a second, so a slow machine may find it expired already).
        Assert.Contains(grant!.Status, new[] { GrantStatus.Granted, GrantStatus.Expired });
        Assert.InRange(grant.Granted, 40 * Members.WethUnit, (40 * Members.WethUnit) + 1);

        // The next round takes the fill: the WETH is sold, the USDC stays in the vault and the debt is not repaid.
        await sut.OnPrice(elevated with { Round = live.Round + 1_000_002 });
        var after = await sut.Rebalancing();
        var proceeds = after.Proceeds.GetValueOrDefault("USDC");
        Assert.Equal((1, 0), (after.Sales, after.Liquidations));
        Assert.Equal(grant.Granted, after.Sold.GetValueOrDefault("WETH"));
        Assert.True(proceeds > UInt128.Zero, "the shift fetched nothing");
        var books = await sut.Books();
        Assert.Equal((100 * Members.WethUnit) - grant.Granted, books.Balances["WETH"]);
        Assert.Equal(proceeds, books.Balances.GetValueOrDefault("USDC"));
        Assert.Null(await sut.Operation($"{sut.GetPrimaryKeyString()}/shift-0-repay"));
        Assert.True(DebtOf(await sut.Health()) >= debt, "a shift repays nothing");

        // At the floor (less the sale's impact, within the tolerance) the policy stops advising: no second shift.
        var advice = await sut.AllocationAdvice(predictive: true);
        Assert.Equal((MarketRegime.Elevated, false), (advice.Regime, advice.Rebalance));
        await sut.OnPrice(elevated with { Round = live.Round + 1_000_003 });
        var settled = await sut.Rebalancing();
        Assert.Equal((1, (string?)null), (settled.Sales, settled.OpenRequest));
    }

    private static UInt128 DebtOf(VaultHealth health) => health.Debt.Where(d => d.Asset == "USDC").Select(d => d.Amount).FirstOrDefault();
}
