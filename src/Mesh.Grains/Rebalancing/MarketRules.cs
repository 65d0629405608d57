using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>The settings in force for one market (<see cref="RebalancingOptions.For"/>).</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Hole">The static cap on quantity in flight; <see cref="UInt128.MaxValue"/> for none.</param>
/// <param name="Dust">The dust threshold.</param>
/// <param name="Flow">The flow budget (capacity, refill per second); null for none.</param>
/// <param name="ImpactCoefficient">The fallback impact coefficient.</param>
/// <param name="CostOfDelay">Whether the adaptive capacity weighs the cost of waiting.</param>
/// <param name="SharesSpotRoom">Whether a perp market's adaptive room is also bounded by its underlying's spot room.</param>
/// <param name="ImpactHalfLife">How fast the hole the market's sales leave heals.</param>
internal sealed record MarketRules(RebalancePolicy Policy, UInt128 Hole, UInt128 Dust, (UInt128 Capacity, UInt128 RefillPerSecond)? Flow, double ImpactCoefficient, bool CostOfDelay, bool SharesSpotRoom, TimeSpan ImpactHalfLife);
