using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Silo.Simulation;

/// <summary>
/// The coordinators' settings in a world. Every policy but the unbounded one has Maker-style static caps set for calm
/// markets (at most a tenth of a calm day's depth in flight, 4,000 WETH for 2,000 vaults; $25,000 a vault globally,
/// $50 million for 2,000; dust 0.5 WETH); the
/// adaptive policy also sizes capacity from live depth and volatility on a book that refills at a finite rate
/// (expected impact of what is in flight at most the run's bound, 2% unless <c>--impact-bound</c> says otherwise, the depth recent sales consumed counted; see
/// <c>CapacityModel.BookCapacity</c>), without the cost of delay, serves the most urgent first and gives each
/// protocol a fair share, and weighs each round's spillover onto the rest of the mesh's WETH (<c>SpilloverGate</c>, unless
/// <c>--no-spillover</c>); the perp market's coordinator (the short hedges of the vaults that hedge) has the same
/// rules on a book three times as deep. Requests are decided once per step, after
/// every vault has acted on the step's price, so that a run repeats exactly.
/// </summary>
internal sealed partial class SimulationWorld
{
    private static readonly UInt128 Weth = 1_000_000_000_000_000_000UL;

    static partial void Configure(IServiceCollection services, SimulationPolicy policy, int vaults, double impactBound, bool spillover, bool perpSharesSpotRoom) =>
        services.Configure<RebalancingOptions>(o =>
        {
            o.Policy = policy.Coordinator;
            o.GlobalCap = policy.Coordinator == RebalancePolicy.Unbounded ? null : (UInt128)(25_000L * vaults) * 1_000_000;
            o.ImpactBound = impactBound;
            o.SpilloverGate = spillover;
            // The adaptive coordinator sizes with the venue's law: a book that refills at the recovery half-life.
            o.SpeedDependentImpact = true;
            // Without the cost of delay. It weighs the seller's own cost only: selling into the hole is cheaper than
            // waiting while the hole's marginal cost is below the fall over one healing time, about 17% of the price
            // in this crash. But the oracle follows the traded price, so the hole marks every vault's collateral down
            // with it, and the sales it lets through are the fire sale itself (100 vaults, seed 1: with it, a fire-sale
            // drawdown of 60.9% and $869,374 of bad debt, as static caps; without it, 5.2% and $64,497).
            o.CostOfDelay = false;
            o.GrantTtl = TimeSpan.FromMinutes(5);
            o.QueueTtl = TimeSpan.FromMinutes(10);
            o.AllocateOnRequest = false;
            o.Markets[Asset] = new RebalanceMarketOptions
            {
                Hole = policy.Coordinator == RebalancePolicy.Unbounded ? null : (UInt128)(ulong)(SimulationRunner.MarketDepthWeth(vaults) / 10) * Weth,
                Dust = policy.Coordinator == RebalancePolicy.Unbounded ? null : Weth / 2,
            };
            // The perp book is the venue's DepthMultiple (3) times as deep: its calm-market cap is three times the spot one.
            // It keeps the cost of delay off too. The venue carries no perp displacement into the spot price (it leaves
            // the basis trade out), so with it on the hedges would take the perp book 10-16% below spot in this crash and
            // leave no bad debt (100 vaults, seed 1: $0 against $29,363), on the strength of an arbitrage that would in
            // fact carry that pressure into spot. The impact bound keeps the perp within 2% of spot, where leaving the
            // basis trade out is a small error. With the basis arbitrage on (--basis-arbitrage), the perp's flow reaches
            // spot, and the perp market shares the spot book's room (sized from its own book alone, the hedges would
            // drive the fire sale through the arbitrageurs: 100 vaults, seed 1, 2% bound: a fire-sale drawdown of 50.3%).
            o.Markets[CoordinatorMarkets.Perp(Asset)] = new RebalanceMarketOptions
            {
                SharesSpotRoom = perpSharesSpotRoom,
                Hole = policy.Coordinator == RebalancePolicy.Unbounded ? null : (UInt128)(ulong)(SimulationRunner.MarketDepthWeth(vaults) * 3 / 10) * Weth,
                Dust = policy.Coordinator == RebalancePolicy.Unbounded ? null : Weth / 2,
            };
        });
}
