namespace Mesh.Grains.Rebalancing;

/// <summary>How one allocation round orders and shares the room.</summary>
/// <param name="Dust">The dust threshold (<see cref="SaleCaps"/>).</param>
/// <param name="ByUrgency">Most urgent first (liquidations, then lowest health factor); false for first come first served.</param>
/// <param name="LiquidationsFirst">With <paramref name="ByUrgency"/>, every liquidation is decided before any deleveraging.</param>
/// <param name="FairShare">Each protocol gets a max-min fair share of the room (per urgency tier).</param>
internal readonly record struct AllocationRules(UInt128 Dust, bool ByUrgency, bool LiquidationsFirst, bool FairShare);
