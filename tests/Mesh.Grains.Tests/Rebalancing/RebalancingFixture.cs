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
/// A single node on SQLite whose coordinators read a fake clock (<see cref="Clock"/>, Orleans keeps the real one) and a
/// fake venue (<see cref="Venue"/>). USDC runs the static caps (hole 1,000 USDC, dust 100 USDC), WETH the adaptive
/// policy (no static cap, no dust, bound 2%), and so does the WETH perp market on a fake perp venue (<see cref="Perps"/>),
/// sharing the WETH spot book's room; a global cap of $1,000,000; grants live 5 minutes, the queue 15.
/// </summary>
public sealed class RebalancingFixture : ClusterFixture
{
    public const ulong Usdc = 1_000_000;
    public static readonly TimeSpan GrantTtl = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan QueueTtl = TimeSpan.FromMinutes(15);

    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public static FakeMarketVenue Venue { get; } = new();

    public static FakePerpVenue Perps { get; } = new();

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    public IRebalanceCoordinatorGrain Coordinator(string asset) => Client.GetGrain<IRebalanceCoordinatorGrain>(asset);

    public IRebalanceBudgetGrain Budget => Client.GetGrain<IRebalanceBudgetGrain>(IRebalanceBudgetGrain.Key);

    /// <summary>Every earlier grant and queued request expires (the clock jumps past both deadlines); the venues are reset: WETH capacity = depth, the WETH perp book three times as deep.</summary>
    public async Task ResetAsync()
    {
        Venue.Set("USDC", 1_000_000_000 * Usdc, 0.001, 1m);
        SetWethDepth(1_000);
        Perps.Set("WETH", 3_000, 0.02, 2_000m);
        Clock.Advance(QueueTtl + TimeSpan.FromMinutes(1));
        foreach (var asset in new[] { "USDC", "WETH", "WETH-PERP" })
        {
            var view = await Coordinator(asset).View();
            Assert.Equal((UInt128.Zero, 0), (view.InFlight, view.Queued));
        }
    }

    /// <summary>σ_daily = bound = 0.02 and Y = 1, so the adaptive capacity equals the depth.</summary>
    public static void SetWethDepth(ulong depth) => Venue.Set("WETH", depth, 0.02, 2_000m);

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Rebalancing:GlobalCap"] = "1000000000000",
            ["Mesh:Rebalancing:GrantTtl"] = "00:05:00",
            ["Mesh:Rebalancing:QueueTtl"] = "00:15:00",
            ["Mesh:Rebalancing:BatchWindow"] = "00:00:00.005",
            ["Mesh:Rebalancing:SweepInterval"] = "00:00:00.200",
            ["Mesh:Rebalancing:Markets:USDC:Policy"] = "StaticCaps",
            ["Mesh:Rebalancing:Markets:USDC:Hole"] = (1_000 * Usdc).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mesh:Rebalancing:Markets:USDC:Dust"] = (100 * Usdc).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mesh:Rebalancing:Markets:WETH:Policy"] = "Adaptive",
            ["Mesh:Rebalancing:Markets:WETH-PERP:Policy"] = "Adaptive",
            ["Mesh:Rebalancing:Markets:WETH-PERP:SharesSpotRoom"] = "true",
        },
    };

    /// <summary>Adds the fake clock (keyed, for the coordinators only) and the fake venues.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(RebalancingServices.ClockKey, Clock);
            siloBuilder.Services.AddSingleton<IMarketVenue>(Venue);
            siloBuilder.Services.AddSingleton<IPerpVenue>(Perps);
        }
    }
}
