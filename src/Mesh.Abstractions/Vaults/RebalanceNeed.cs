namespace Mesh.Vaults;

/// <summary>A vault outside its health band, and by how much.</summary>
/// <param name="Direction">Raise (below the band) or release (above it).</param>
/// <param name="ValueUsd">Collateral value after haircuts to add (raise) or that can go (release) to reach the band's target.</param>
/// <param name="HealthFactor">The health factor that raised the need.</param>
/// <param name="Target">The health factor the need aims at.</param>
/// <param name="RaisedAt">When the need was first raised (kept while it persists).</param>
[GenerateSerializer]
[Alias("mesh.vault.rebalance-need")]
public sealed record RebalanceNeed(
    [property: Id(0)] RebalanceDirection Direction,
    [property: Id(1)] double ValueUsd,
    [property: Id(2)] double HealthFactor,
    [property: Id(3)] double Target,
    [property: Id(4)] DateTimeOffset RaisedAt);
