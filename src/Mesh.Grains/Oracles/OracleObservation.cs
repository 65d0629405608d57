namespace Mesh.Grains.Oracles;

/// <summary>One source's price at one time, as a feeder pushes it (untrusted until the aggregator accepts it).</summary>
/// <param name="Source">The source's name, one of the asset's configured sources.</param>
/// <param name="Price">The observed price.</param>
/// <param name="ObservedAt">When the source observed it (the source's clock).</param>
internal sealed record OracleObservation(string Source, OraclePrice Price, DateTimeOffset ObservedAt);
