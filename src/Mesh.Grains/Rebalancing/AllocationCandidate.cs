namespace Mesh.Grains.Rebalancing;

/// <summary>A request the allocator may grant.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="ProtocolId">The protocol: the unit of the fair share.</param>
/// <param name="Quantity">What it asks for; above zero.</param>
/// <param name="HealthFactor">The lower, the more urgent.</param>
/// <param name="Liquidation">A liquidation (decided before deleveraging when liquidations go first).</param>
/// <param name="Sequence">Arrival order at the coordinator (first come first served, and the last tie-break).</param>
internal readonly record struct AllocationCandidate(string RequestId, string ProtocolId, UInt128 Quantity, double HealthFactor, bool Liquidation, long Sequence);
