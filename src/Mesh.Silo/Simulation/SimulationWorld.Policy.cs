using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Silo.Simulation;

/// <summary>
/// The coordinators' settings in a world. Every policy but the unbounded one has Maker-style static caps set for calm
/// markets (at most a tenth of a calm day's depth in flight, 4,000 WETH for 2,000 vaults; $25,000 a vault globally,
/// $50 million for 2,000; dust 0.5 WETH); the
/// adaptive policy also sizes capacity from live depth and volatility (expected impact of what is in flight at most
/// 2%) and, while the price falls, from the cost of delay (<c>RebalancingOptions.CostOfDelay</c>, on by default),
/// serves the most urgent first and gives each protocol a fair share. Requests are decided once per step, after
/// every vault has acted on the step's price, so that a run repeats exactly.
/// </summary>
internal sealed partial class SimulationWorld
{
    private static readonly UInt128 Weth = 1_000_000_000_000_000_000UL;

    static partial void Configure(IServiceCollection services, SimulationPolicy policy, int vaults) =>
        services.Configure<RebalancingOptions>(o =>
        {
            o.Policy = policy.Coordinator;
            o.GlobalCap = policy.Coordinator == RebalancePolicy.Unbounded ? null : (UInt128)(25_000L * vaults) * 1_000_000;
            o.ImpactBound = 0.02;
            o.GrantTtl = TimeSpan.FromMinutes(5);
            o.QueueTtl = TimeSpan.FromMinutes(10);
            o.AllocateOnRequest = false;
            o.Markets[Asset] = new RebalanceMarketOptions
            {
                Hole = policy.Coordinator == RebalancePolicy.Unbounded ? null : (UInt128)(ulong)(SimulationRunner.MarketDepthWeth(vaults) / 10) * Weth,
                Dust = policy.Coordinator == RebalancePolicy.Unbounded ? null : Weth / 2,
            };
        });
}
