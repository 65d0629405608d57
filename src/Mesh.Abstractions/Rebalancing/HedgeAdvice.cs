using Mesh.Vaults;

namespace Mesh.Rebalancing;

/// <summary>
/// Delta-neutrality advice for a vault: per risky underlying, the vault's net delta (holdings minus debt, plus the
/// delta of its reported options and perps) and the perp hedge that brings it back to zero when it is outside the
/// band. Advice only: nothing is traded.
/// </summary>
/// <param name="Vault">The vault.</param>
/// <param name="CollateralValueUsd">Σ balance × oracle price over the vault's assets, USD, before haircuts (the band's base).</param>
/// <param name="BandUsd">The band: a net delta whose USD value is within ± this is left alone (the largest of the fraction of collateral value, the absolute band and the minimum hedge).</param>
/// <param name="Underlyings">Per underlying with a delta, in ordinal order (stable assets carry none).</param>
/// <param name="Stale">True when a price it used is stale (no fresh quorum).</param>
/// <param name="ComputedAt">When it was computed.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.hedge-advice")]
public sealed record HedgeAdvice(
    [property: Id(0)] VaultKey Vault,
    [property: Id(1)] double CollateralValueUsd,
    [property: Id(2)] double BandUsd,
    [property: Id(3)] IReadOnlyList<UnderlyingHedge> Underlyings,
    [property: Id(4)] bool Stale,
    [property: Id(5)] DateTimeOffset ComputedAt);
