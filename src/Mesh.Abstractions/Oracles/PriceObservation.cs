namespace Mesh.Oracles;

/// <summary>One source's price for an asset, as a feeder pushes it.</summary>
/// <param name="Source">The source's name (configured per asset; unknown sources are refused).</param>
/// <param name="Price">Price in USD (&gt; 0, at most 8 decimal places).</param>
/// <param name="ObservedAt">When the source observed it.</param>
[GenerateSerializer]
[Alias("mesh.oracle.observation")]
public sealed record PriceObservation(
    [property: Id(0)] string Source,
    [property: Id(1)] decimal Price,
    [property: Id(2)] DateTimeOffset ObservedAt);
