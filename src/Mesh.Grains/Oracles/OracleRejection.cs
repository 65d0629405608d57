namespace Mesh.Grains.Oracles;

/// <summary>A source left out of an aggregate, and why.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Reason">Stale or outlier.</param>
/// <param name="Detail">A sentence for an operator: the age and heartbeat, or the distance and the bound.</param>
internal sealed record OracleRejection(string Source, OracleRejectionReason Reason, string Detail);
