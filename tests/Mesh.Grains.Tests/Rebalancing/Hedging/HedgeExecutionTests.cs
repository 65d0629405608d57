using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Rebalancing;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.Hedging;

/// <summary>Delta hedges executed by the real vault through the perp venue, under the grants of WETH's perp market coordinator.</summary>
public sealed class HedgeExecutionTests(HedgeFixture fixture) : IClassFixture<HedgeFixture>
{
    private readonly Members _members = new(fixture);

    private async Task<IVaultGrain> VaultAsync(string prefix, int n, UInt128 weth, UInt128 usdc, bool hedge)
    {
        await _members.PricesAsync();
        var (_, vault, account) = await _members.JoinAsync(prefix, n);
        foreach (var (asset, amount) in new[] { ("WETH", weth), ("USDC", usdc) }.Where(d => d.Item2 > UInt128.Zero))
        {
            _members.SimulatedChain.Fund(account, asset, amount);
            Assert.Equal(OperationStatus.Completed, (await Members.SettledAsync(vault, await vault.Deposit(new VaultMovement($"dep-{asset}", asset, amount)))).Status);
        }

        await vault.ConfigureRebalancing(new RebalanceSettings(AutoSell: false, Hedge: hedge));
        return vault;
    }

    [Fact]
    public async Task OnPrice_TenWethHedgeOptedIn_ShortsPerpsInGrantsOfAtMostTheHoleUntilTheDeltaIsInTheBand()
    {
        var sut = await VaultAsync("hedge-x", 0x401, 10 * Members.WethUnit, UInt128.Zero, hedge: true);
        var before = fixture.Perps.Fills;
        var spot = fixture.Client.GetGrain<IRebalanceCoordinatorGrain>("WETH");
        var spotGranted = (await spot.View()).Granted;

        // Each price asks the perp market's coordinator or trades what it granted; a round of the coordinator between
        // prices decides the request waiting for it. The perp market has no settings of its own: it takes WETH's hole.
        var coordinator = fixture.Client.GetGrain<IRebalanceCoordinatorGrain>(Mesh.Grains.Rebalancing.CoordinatorMarkets.Perp("WETH"));
        var perpGranted = (await coordinator.View()).Granted;
        var sizes = new List<UInt128>();
        for (var round = 1; round <= 60 && sizes.Aggregate(UInt128.Zero, (a, b) => a + b) < 10 * Members.WethUnit; round++)
        {
            var had = (await sut.Rebalancing()).Hedges!.SingleOrDefault()?.Quantity ?? UInt128.Zero;
            await _members.TickAsync(sut, 2_000m, 1_000_000 + round);
            var now = (await sut.Rebalancing()).Hedges!.SingleOrDefault()?.Quantity ?? UInt128.Zero;
            if (now != had)
            {
                sizes.Add(now - had);
            }

            await coordinator.Allocate();
        }

        for (var round = 61; round <= 63; round++)
        {
            await _members.TickAsync(sut, 2_000m, 1_000_000 + round);
        }

        // 10 WETH of delta ($20,000) against a band of $1,000: hedged whole, 2 WETH per grant (the hole), then left alone.
        var position = Assert.Single((await sut.Rebalancing()).Hedges!);
        Assert.Equal(("WETH", PositionSide.Short, 10 * Members.WethUnit, 5), (position.Underlying, position.Side, position.Quantity, position.Trades));
        Assert.All(sizes, s => Assert.Equal(HedgeFixture.Hole, s));
        Assert.Equal(5, fixture.Perps.Fills - before);
        Assert.True(position.EntryPrice < 2_000m, $"a sale fills below the mark: {position.EntryPrice}");
        Assert.True(position.ImpactPaidUsd > 0);
        var advice = await sut.HedgeAdvice();
        var line = Assert.Single(advice.Underlyings);
        Assert.Equal(0.0, line.NetDelta, 1e-9); // 10 WETH held, 10 short
        Assert.Null(line.Side);
        var view = await coordinator.View();
        Assert.Equal(UInt128.Zero, view.InFlight); // every grant completed, none leaked
        Assert.Equal(5, view.Granted - perpGranted);
        Assert.Equal(spotGranted, (await spot.View()).Granted); // the spot market's room is the spot sales' alone
        Assert.Empty(await sut.Exposures()); // the protocol's reported exposures are its own; the hedge counts beside them
        Assert.Equal(-10.0, (await sut.Health()).Greeks.Single(g => g.Underlying == "WETH").Delta, 1e-9);
    }

    [Fact]
    public async Task OnPrice_HedgedVaultInAFall_ItsShortPerpGainsAndNothingMoreIsTraded()
    {
        var sut = await VaultAsync("hedge-f", 0x402, 10 * Members.WethUnit, UInt128.Zero, hedge: true);
        for (var round = 1; round <= 6; round++)
        {
            await _members.TickAsync(sut, 2_000m, 2_000_000 + round);
        }

        var atEntry = await sut.Health();
        var fills = fixture.Perps.Fills;
        await _members.TickAsync(sut, 1_500m, 2_000_100);
        await _members.TickAsync(sut, 1_400m, 2_000_101);
        var afterFall = await sut.Health();

        // Sold below the mark, the short starts with a small loss (the impact paid); 25-30% lower it is in profit, and
        // the book, now delta-neutral, needs no further trade while the price falls.
        Assert.True(atEntry.Margin.MarkToMarketLiability > 0, $"{atEntry.Margin.MarkToMarketLiability}");
        Assert.Equal(0.0, afterFall.Margin.MarkToMarketLiability);
        // The gain is collateral after its 10% haircut (cross-margin), beside the WETH after its own haircut.
        var position = Assert.Single((await sut.Rebalancing()).Hedges!);
        var gain = 10.0 * ((double)position.EntryPrice - 1_400.0);
        Assert.Equal(gain, afterFall.Margin.HedgeGain, 1e-6);
        Assert.Equal(afterFall.Collateral.Sum(c => c.ValueAfterHaircut) + (0.9 * gain), afterFall.CollateralValueAfterHaircuts, 1e-6);
        // Hedged, the book's margin is what the short adds to the WETH it hedges: far less than a naked 10 WETH short's.
        Assert.True(afterFall.Margin.Scenario < 0.02 * 14_000, $"scenario margin {afterFall.Margin.Scenario}");
        Assert.Equal(fills, fixture.Perps.Fills);
        Assert.Equal(10 * Members.WethUnit, Assert.Single((await sut.Rebalancing()).Hedges!).Quantity);
    }

    [Fact]
    public async Task Withdraw_HedgedVaultAfterAFall_TheHedgesGainAtTheVenueIsNoCollateralToTakeOut()
    {
        var sut = await VaultAsync("hedge-w", 0x407, 10 * Members.WethUnit, UInt128.Zero, hedge: true);
        for (var round = 1; round <= 6; round++)
        {
            await _members.TickAsync(sut, 2_000m, 5_000_000 + round);
        }

        await _members.TickAsync(sut, 1_500m, 5_000_100);
        await _members.TickAsync(sut, 1_400m, 5_000_101);
        var before = await sut.Health();
        Assert.True(before.Margin.HedgeGain > 5_000, $"hedge gain {before.Margin.HedgeGain}");

        // Taking the WETH out would leave the short perp with nothing behind it but its own gain, which is at the venue:
        // it holds the vault up against liquidation, not as collateral to withdraw.
        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Withdraw(new VaultMovement("out-all", "WETH", 10 * Members.WethUnit)));

        Assert.Equal(("vault.health_below_band", "amount"), (error.Code, error.Field));
        Assert.Contains("does not count", error.Message, StringComparison.Ordinal);
        Assert.Null(await sut.Operation("out-all"));
        Assert.Equal(before.Collateral.Single(c => c.Asset == "WETH").Amount, (await sut.Health()).Collateral.Single(c => c.Asset == "WETH").Amount);
    }

    [Fact]
    public async Task OnPrice_HedgeNotOptedIn_TradesNothing()
    {
        var sut = await VaultAsync("nohedge", 0x404, 10 * Members.WethUnit, UInt128.Zero, hedge: false);
        var before = fixture.Perps.Fills;

        for (var round = 1; round <= 3; round++)
        {
            await _members.TickAsync(sut, 2_000m, 3_000_000 + round);
        }

        Assert.Empty((await sut.Rebalancing()).Hedges!);
        Assert.Equal(PositionSide.Short, Assert.Single((await sut.HedgeAdvice()).Underlyings).Side); // advised, not executed
        Assert.Equal(before, fixture.Perps.Fills);
    }

    [Fact]
    public async Task OnPrice_ShortPerpReportedOnStableCollateral_BuysTheHedgeAtOnceWithoutAGrant()
    {
        var sut = await VaultAsync("hedge-l", 0x405, UInt128.Zero, 30_000 * Members.UsdcUnit, hedge: true);
        await sut.ReportExposures([new Exposure("p1", ExposureKind.Perp, "WETH", 3m, PositionSide.Short, EntryPrice: 2_000m)]);

        await _members.TickAsync(sut, 2_000m, 4_000_001);

        var position = Assert.Single((await sut.Rebalancing()).Hedges!);
        Assert.Equal((PositionSide.Long, 3 * Members.WethUnit, 1), (position.Side, position.Quantity, position.Trades));
        Assert.True(position.EntryPrice > 2_000m, $"a buy fills above the mark: {position.EntryPrice}");
        Assert.Equal(0.0, Assert.Single((await sut.HedgeAdvice()).Underlyings).NetDelta, 1e-9);
    }

    [Fact]
    public async Task ReportExposures_UnderTheMeshsHedgeId_IsRefusedNamingIt()
    {
        var sut = await VaultAsync("hedge-r", 0x406, 10 * Members.WethUnit, UInt128.Zero, hedge: false);

        var refused = await Assert.ThrowsAsync<MeshException>(() => sut.ReportExposures([new Exposure("mesh-hedge:WETH", ExposureKind.Perp, "WETH", 1m, PositionSide.Short, EntryPrice: 2_000m)]));

        Assert.Equal("exposure.reserved_id", refused.Code);
        Assert.Empty(await sut.Exposures());
    }
}
