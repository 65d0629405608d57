using Mesh.Rebalancing;
using static Mesh.Grains.Tests.Rebalancing.RebalancingFixture;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The global budget: absolute, idempotent claims under the cap, and a coordinator that re-syncs its claim after a crash.</summary>
[Collection(RebalancingCollection.Name)]
public sealed class RebalanceBudgetTests(RebalancingFixture fixture) : IAsyncLifetime
{
    private const ulong Cap = 1_000_000_000_000;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Claim_AbsoluteIdempotentAndNeverAboveTheCap()
    {
        var sut = fixture.Budget;

        var weth = await sut.Claim("WETH", Cap - 100);
        var usdc = await sut.Claim("USDC", 500);
        var again = await sut.Claim("USDC", 500);
        var lower = await sut.Claim("WETH", 0);
        var more = await sut.Claim("USDC", 500);
        var view = await sut.View();
        await sut.Claim("USDC", 0);

        Assert.Equal((UInt128)(Cap - 100), weth.Claimed);
        Assert.Equal(((UInt128)100, (UInt128)(Cap - 100)), (usdc.Claimed, usdc.ClaimedByOthers));
        Assert.Equal((UInt128)100, again.Claimed);
        Assert.Equal(UInt128.Zero, lower.Claimed);
        Assert.Equal((UInt128)500, more.Claimed);
        Assert.Equal(((UInt128)Cap, (UInt128)500), (view.Cap, view.Claimed));
        Assert.False(view.Claims.ContainsKey("WETH"));
    }

    [Fact]
    public async Task Coordinator_CrashedBetweenClaimAndWrite_ResyncsItsClaimOnActivation()
    {
        var coordinator = fixture.Coordinator("USDC");
        await coordinator.Request(new SaleRequest($"resync-{Guid.NewGuid():N}", "p/local-a", "p", 400 * Usdc, 1.1, false));
        Assert.Equal(400 * Usdc, (await fixture.Budget.View()).Claims["USDC"]);

        // What a coordinator that claimed for a round and died before writing it leaves behind: a claim above its grants.
        await fixture.Budget.Claim("USDC", 900 * Usdc);
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var view = await coordinator.View();

        Assert.Equal(400 * Usdc, view.InFlight);
        Assert.Equal(400 * Usdc, (await fixture.Budget.View()).Claims["USDC"]);
    }
}
