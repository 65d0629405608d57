namespace Mesh.Vaults;

/// <summary>A vault's rebalancing.</summary>
/// <param name="Settings">The settings; null when never set (the vault does not rebalance by itself).</param>
/// <param name="OpenRequest">The coordinator request of the sale in progress; null when none.</param>
/// <param name="Sales">Sales executed.</param>
/// <param name="Liquidations">Of those, sales made below a health factor of 1.</param>
/// <param name="Sold">What the vault sold per asset, in base units.</param>
/// <param name="Proceeds">What the sales fetched per quote asset, in base units.</param>
/// <param name="LastSaleAt">When the last sale executed; null before any.</param>
/// <param name="Hedges">The perp positions the mesh holds for the vault's delta hedge (empty without the hedge setting).</param>
/// <param name="TopUpsGiven">What the vault has given the protocol's other books on its chain per asset, base units (completed top-ups).</param>
/// <param name="TopUpsReceived">What it has received from them per asset, base units.</param>
[GenerateSerializer]
[Alias("mesh.vault.rebalancing")]
public sealed record VaultRebalancing(
    [property: Id(0)] RebalanceSettings? Settings,
    [property: Id(1)] string? OpenRequest,
    [property: Id(2)] int Sales,
    [property: Id(3)] int Liquidations,
    [property: Id(4)] IReadOnlyDictionary<string, UInt128> Sold,
    [property: Id(5)] IReadOnlyDictionary<string, UInt128> Proceeds,
    [property: Id(6)] DateTimeOffset? LastSaleAt,
    [property: Id(7)] IReadOnlyList<HedgePosition>? Hedges = null,
    [property: Id(8)] IReadOnlyDictionary<string, UInt128>? TopUpsGiven = null,
    [property: Id(9)] IReadOnlyDictionary<string, UInt128>? TopUpsReceived = null);
