using Mesh.Grains.Tests.Infrastructure;
using Mesh.Rebalancing;
using Mesh.Testing;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>A vault's own sale below its band, by the real vault, coordinator and venue.</summary>
public sealed class SaleExecutionTests(SaleFixture fixture) : IClassFixture<SaleFixture>
{
    private readonly Members _members = new(fixture);

    private static UInt128 UsdcDebt(VaultHealth health) => health.Debt.Where(d => d.Asset == "USDC").Select(d => d.Amount).FirstOrDefault();

    [Fact]
    public async Task OnPrice_GrantExpiredWhileTheOrderWaitedForItsBatch_SaleStandsAndItsProceedsRepayTheDebt()
    {
        // The borrower has put its credit to work (lent back to the pool, whose shares are not collateral): WETH is left against the debt.
        var sut = await _members.SellerAsync(0x31, new RebalanceSettings(AutoSell: true));
        var debt = UsdcDebt(await sut.Health());

        // Below the band at 700: the vault asks, is granted at once, records its sale and places the order, which
        // waits for its batch.
        await _members.TickAsync(sut, 700m, 1_000_001);
        var placed = await sut.Rebalancing();
        Assert.NotNull(placed.OpenRequest);
        Assert.Equal(0, placed.Sales);
        var coordinator = fixture.Client.GetGrain<IRebalanceCoordinatorGrain>("WETH");
        await Eventually.TrueAsync(async () => (await coordinator.Status(placed.OpenRequest!))?.Status == GrantStatus.Expired, "the grant expired, its room back");

        // The next price takes the fill: the grant it was made under is over, and the sale still stands and repays.
        await _members.TickAsync(sut, 700m, 1_000_002);

        var after = await sut.Rebalancing();
        var proceeds = after.Proceeds.GetValueOrDefault("USDC");
        Assert.Equal((1, (string?)null), (after.Sales, after.OpenRequest));
        Assert.True(proceeds > UInt128.Zero, "the sale fetched something");
        var repay = await sut.Operation($"{sut.GetPrimaryKeyString()}/sale-0-repay");
        Assert.Equal(OperationStatus.Completed, repay?.Status);
        // It repaid all it could: the whole proceeds, or the whole debt (what is left is interest accrued since then).
        var left = UsdcDebt(await sut.Health());
        Assert.True(repay!.Amount == proceeds ? left + proceeds >= debt && left < debt : left < 1_000, $"repaid {repay.Amount} of proceeds {proceeds} against a debt of {debt}; {left} left");
        Assert.Equal(GrantStatus.Expired, (await coordinator.Status(placed.OpenRequest!))!.Status);
    }
}
