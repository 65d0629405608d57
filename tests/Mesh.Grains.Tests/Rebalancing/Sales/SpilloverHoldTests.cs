using Mesh.Grains.Tests.Infrastructure;
using Mesh.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// The spillover gate on the real vault, revaluation partition, coordinator and venue: a vault that holds five days of
/// its market's depth asks to sell below its band, and the adaptive coordinator holds the round, because what the sale
/// would free of the vault's margin is less than its permanent impact would mark off the WETH the mesh still holds.
/// </summary>
public sealed class SpilloverHoldTests(SpilloverFixture fixture) : IClassFixture<SpilloverFixture>
{
    private readonly Members _members = new(fixture);

    [Fact]
    public async Task Publish_VaultHoldingDaysOfTheMarketsDepthBelowItsBand_PartitionCountsItsHoldingAndTheCoordinatorHoldsTheSale()
    {
        var (vault, partition, _, live) = await SpilloverSeller.OpenAsync(fixture, _members, 0x41);

        // A round at the healthy price: the partition revalues its member and keeps what it holds.
        await partition.Publish(live with { Round = live.Round + 1_000_001 });
        var holdings = await partition.Holdings();
        Assert.Equal(("WETH", 100 * Members.WethUnit, 1, 1), (holdings.Asset, holdings.Total, holdings.Reported, holdings.Members));
        Assert.Null((await vault.Rebalancing()).OpenRequest);

        // Below the band at 700: the vault asks for a sale with its haircut; 100 WETH against a day's depth of 20, so a
        // sale of the room the 2% bound gives marks off the other 97-odd WETH more than it frees, and it waits.
        await partition.Publish(live with { Round = live.Round + 1_000_002, Price = 700m });
        var request = (await vault.Rebalancing()).OpenRequest;
        Assert.NotNull(request);
        var coordinator = fixture.Client.GetGrain<IRebalanceCoordinatorGrain>("WETH");
        var grant = await coordinator.Status(request!);
        Assert.Equal((GrantStatus.Queued, "spillover", UInt128.Zero), (grant!.Status, grant.Reason, grant.Granted));

        // A request that gives no haircut (a router's, say) is not weighed, but waits with the held round.
        var unweighed = new SaleRequest($"router/{Guid.NewGuid():N}", "router/local-a", "router", Members.WethUnit, 1.1, Liquidation: false);
        var waiting = await coordinator.Request(unweighed);
        Assert.Equal((GrantStatus.Queued, "spillover", UInt128.Zero), (waiting.Status, waiting.Reason, waiting.Granted));

        // Nothing was sold, and nothing is in flight; the request stays queued for a later round.
        var after = await vault.Rebalancing();
        Assert.Equal((0, 0), (after.Sales, after.Liquidations));
        Assert.Equal(UInt128.Zero, (await coordinator.View()).InFlight);
        Assert.Equal(100 * Members.WethUnit, (await partition.Holdings()).Total);
    }
}
