namespace Mesh.Oracles;

/// <summary>An observation the aggregate leaves out.</summary>
/// <param name="Source">The source.</param>
/// <param name="Price">Its price.</param>
/// <param name="Reason">Why: <c>stale</c> (older than the source's heartbeat) or <c>outlier</c> (beyond k·MAD of the median).</param>
[GenerateSerializer]
[Alias("mesh.oracle.rejected")]
public sealed record RejectedObservation(
    [property: Id(0)] string Source,
    [property: Id(1)] decimal Price,
    [property: Id(2)] string Reason);
