namespace Mesh.Grains.Rebalancing;

/// <summary>What the allocator granted one candidate.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Granted">The quantity; above zero.</param>
/// <param name="Outcome">Full or partial.</param>
internal readonly record struct AllocationGrant(string RequestId, UInt128 Granted, SaleOutcome Outcome);
