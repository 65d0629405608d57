namespace Mesh.Vaults;

/// <summary>A vault's health with its breakdown.</summary>
/// <param name="Vault">The vault.</param>
/// <param name="Collateral">Collateral per asset, valued after haircuts.</param>
/// <param name="Debt">Credit owed per asset.</param>
/// <param name="Margin">The margin requirement of the reported exposures.</param>
/// <param name="Greeks">Net sensitivities per underlying.</param>
/// <param name="CollateralValueAfterHaircuts">Σ collateral value after haircuts, USD.</param>
/// <param name="Obligations">Debt value + margin requirement, USD.</param>
/// <param name="HealthFactor">Collateral after haircuts ÷ obligations; null when there are no obligations.</param>
/// <param name="BandMin">The lower edge of the vault's target band.</param>
/// <param name="BandMax">The upper edge of the vault's target band.</param>
/// <param name="Need">The rebalance need, if the health factor is outside the band.</param>
/// <param name="Stale">True when a price it needs is stale or missing (the health is then a conservative estimate).</param>
/// <param name="ComputedAt">When it was computed.</param>
[GenerateSerializer]
[Alias("mesh.vault.health")]
public sealed record VaultHealth(
    [property: Id(0)] VaultKey Vault,
    [property: Id(1)] IReadOnlyList<CollateralLine> Collateral,
    [property: Id(2)] IReadOnlyList<DebtLine> Debt,
    [property: Id(3)] MarginBreakdown Margin,
    [property: Id(4)] IReadOnlyList<UnderlyingGreeks> Greeks,
    [property: Id(5)] double CollateralValueAfterHaircuts,
    [property: Id(6)] double Obligations,
    [property: Id(7)] double? HealthFactor,
    [property: Id(8)] double BandMin,
    [property: Id(9)] double BandMax,
    [property: Id(10)] RebalanceNeed? Need,
    [property: Id(11)] bool Stale,
    [property: Id(12)] DateTimeOffset ComputedAt);
