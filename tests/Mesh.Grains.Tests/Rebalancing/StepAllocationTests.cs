using Mesh.Grains.Markets;
using Mesh.Grains.Rebalancing;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Rebalancing;
using Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>
/// A coordinator that decides its queue only when asked to allocate (<c>AllocateOnRequest = false</c>, as the simulation
/// runs it, one decision per step): USDC under static caps with a hole of 1,000 USDC, a fake clock, the queue 15 minutes.
/// </summary>
public sealed class StepAllocationFixture : ClusterFixture
{
    public const ulong Usdc = 1_000_000;

    /// <summary>Gets the coordinators' clock (static: the configurator is built by type).</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Rebalancing:AllocateOnRequest"] = "false",
            ["Mesh:Rebalancing:QueueTtl"] = "00:15:00",
            ["Mesh:Rebalancing:BatchWindow"] = "00:00:00.005",
            ["Mesh:Rebalancing:Markets:USDC:Policy"] = "StaticCaps",
            ["Mesh:Rebalancing:Markets:USDC:Hole"] = (1_000 * Usdc).ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>The fixture's clock for the coordinators, and a venue.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(RebalancingServices.ClockKey, Clock);
            var venue = new FakeMarketVenue();
            venue.Set("USDC", 1_000_000_000 * Usdc, 0.001, 1m);
            siloBuilder.Services.AddSingleton<IMarketVenue>(venue);
        }
    }
}

/// <summary>Requests decided one allocation round at a time; a queued request's status is read from the book at once.</summary>
public sealed class StepAllocationTests(StepAllocationFixture fixture) : IClassFixture<StepAllocationFixture>
{
    private const ulong Usdc = StepAllocationFixture.Usdc;

    private IRebalanceCoordinatorGrain Sut => fixture.Client.GetGrain<IRebalanceCoordinatorGrain>("USDC");

    private static SaleRequest Sale(string id, ulong usdc) => new(id, "p-step/local-a", "p-step", usdc * Usdc, 1.1, Liquidation: false);

    [Fact]
    public async Task Status_QueuedUntilAnAllocationRound_ThenGrantedAndExpiredPastItsQueueTime()
    {
        var clock = StepAllocationFixture.Clock;
        var first = await Sut.Request(Sale("step-a", 600));
        var second = await Sut.Request(Sale("step-b", 600));
        var before = await Sut.View();

        // Nothing is decided on request, nor by asking: both wait for the round.
        Assert.Equal((GrantStatus.Queued, GrantStatus.Queued), (first.Status, second.Status));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(GrantStatus.Queued, (await Sut.Status("step-a"))!.Status);
        }

        Assert.Equal(before.Granted, (await Sut.View()).Granted);

        // The round grants the first in full and the rest of the hole to the second.
        await Sut.Allocate();
        Assert.Equal((GrantStatus.Granted, 600 * Usdc), ((await Sut.Status("step-a"))!.Status, (await Sut.Status("step-a"))!.Granted));
        Assert.Equal((GrantStatus.Granted, 400 * Usdc), ((await Sut.Status("step-b"))!.Status, (await Sut.Status("step-b"))!.Granted));

        // A request still queued past its queue time is answered by a round, which expires it.
        var third = await Sut.Request(Sale("step-c", 100));
        Assert.Equal(GrantStatus.Queued, third.Status);
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(GrantStatus.Expired, (await Sut.Status("step-c"))!.Status);
        Assert.Null(await Sut.Status("step-unknown"));
    }
}
