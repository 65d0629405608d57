using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Rebalancing;
using Mesh.Revaluation;
using Mesh.Testing;

namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// The spillover gate when the mesh's holdings are unknown: a partition that has not heard from every member since
/// its last round makes the round's holdings unknown, and the round is decided by the impact bound alone (the gate
/// only ever holds). Its own fixture: the members helper's lender takes fixed operation ids, once per cluster.
/// </summary>
public sealed class SpilloverUnknownHoldingsTests(SpilloverFixture fixture) : IClassFixture<SpilloverFixture>
{
    private readonly Members _members = new(fixture);

    [Fact]
    public async Task OnPrice_PartitionHasNotHeardFromEveryMember_RoundIsNotWeighedAndTheBoundDecides()
    {
        var (vault, partition, index, live) = await SpilloverSeller.OpenAsync(fixture, _members, 0x42);
        await partition.Publish(live with { Round = live.Round + 2_000_001 });

        // A member the partition has not heard from yet (registered since its last round), in the vault's partition.
        var stranger = Enumerable.Range(0, 10_000).Select(n => $"stranger{n}-{Guid.NewGuid():N}/{Members.Chain}").First(k => RevaluationPartitions.Of(k) == index);
        await partition.Register(stranger);
        var holdings = await partition.Holdings();
        Assert.True(holdings.Reported < holdings.Members, $"{holdings.Reported} of {holdings.Members} heard from");
        // A new oracle round, so that the coordinator asks the partitions again rather than keep an earlier round's answer.
        await fixture.Client.GetGrain<IOracleGrain>("WETH").Observe(new PriceObservation("feed-1", 1_999m, TimeProvider.System.GetUtcNow()));

        // The vault's own revaluation below its band (not through the partition): the holdings are unknown, so the gate
        // does not hold the round, and the impact bound grants what it allows.
        await _members.TickAsync(vault, 700m, 2_000_002);

        var request = (await vault.Rebalancing()).OpenRequest;
        Assert.NotNull(request);
        var grant = await fixture.Client.GetGrain<IRebalanceCoordinatorGrain>("WETH").Status(request!);
        Assert.Equal(GrantStatus.Granted, grant!.Status);
        Assert.True(grant.Granted > UInt128.Zero, "nothing granted");
    }
}
