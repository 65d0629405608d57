using Mesh.Rebalancing;
using static Mesh.Grains.Tests.Rebalancing.RebalancingFixture;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>
/// The WETH perp market's adaptive room when it shares the spot book's (Markets:WETH-PERP:SharesSpotRoom): no more than
/// the spot capacity under the bound less the spot grants in flight (σ_daily = bound = 2%, Y = 1, so each book's own
/// capacity is its depth: spot 1,000, perp 3,000).
/// </summary>
[Collection(RebalancingCollection.Name)]
public sealed class PerpSharedRoomTests(RebalancingFixture fixture) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private IRebalanceCoordinatorGrain Spot => fixture.Coordinator("WETH");

    private IRebalanceCoordinatorGrain Perp => fixture.Coordinator("WETH-PERP");

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task View_NoSpotGrants_PerpCapacityIsTheSpotRoomNotItsDeeperBook()
    {
        var view = await Perp.View();

        Assert.Equal(((UInt128)1_000, "adaptive.spot", (UInt128?)(UInt128)3_000), (view.Capacity, view.CapacityBasis, view.Depth));
    }

    [Fact]
    public async Task Request_SpotGrantsInFlight_PerpGrantedOnlyTheRoomBesideThemAndMoreOnceTheyAreDone()
    {
        var spot = await Spot.Request(Sale("spot", 600, 1.1));
        Assert.Equal((GrantStatus.Granted, (UInt128)600), (spot.Status, spot.Granted));

        var hedge = await Perp.Request(Sale("hedge", 500, 1.2));
        var shared = await Perp.View();

        Assert.Equal((GrantStatus.Granted, (UInt128)400), (hedge.Status, hedge.Granted));
        Assert.Equal(((UInt128)400, (UInt128)400, UInt128.Zero), (shared.Capacity, shared.InFlight, shared.Free));

        // The spot sale settles: its room is the perp market's again (the hedge's own grant takes none of the spot book's).
        await Spot.Complete(Id("spot"), 600);
        var freed = await Perp.View();
        var more = await Perp.Request(Sale("hedge-2", 700, 1.2));

        Assert.Equal(((UInt128)1_000, (UInt128)600), (freed.Capacity, freed.Free));
        Assert.Equal((GrantStatus.Granted, (UInt128)600), (more.Status, more.Granted));
    }

    [Fact]
    public async Task Request_SpotBookFull_PerpRequestQueuesForRoom()
    {
        await Spot.Request(Sale("spot", 1_000, 1.1));

        var hedge = await Perp.Request(Sale("hedge", 10, 1.2));

        Assert.Equal((GrantStatus.Queued, "room.none"), (hedge.Status, hedge.Reason));
    }

    [Fact]
    public async Task View_PerpBookShallowerThanTheSpotRoom_ItsOwnCapacityBinds()
    {
        Perps.Set("WETH", 500, 0.02, 2_000m);

        var view = await Perp.View();

        // The perp book's own capacity is found by bisection and rounded down: its depth, less a base unit at most.
        Assert.Equal("adaptive", view.CapacityBasis);
        Assert.InRange(view.Capacity, (UInt128)499, (UInt128)500);
    }

    private SaleRequest Sale(string name, ulong quantity, double hf, string protocol = "p") =>
        new(Id(name), $"{protocol}-{_run}/local-a", $"{protocol}-{_run}", quantity, hf, hf < 1);

    private string Id(string name) => $"{_run}-{name}";
}
