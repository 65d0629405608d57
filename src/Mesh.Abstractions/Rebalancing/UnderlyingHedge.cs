using Mesh.Vaults;

namespace Mesh.Rebalancing;

/// <summary>One underlying of a <see cref="HedgeAdvice"/>. Deltas are in units of the underlying (a unit is 10^decimals base units).</summary>
/// <param name="Underlying">The underlying asset.</param>
/// <param name="Price">The oracle's price in USD.</param>
/// <param name="Decimals">The token's decimals (of the vault's chain, else of the first chain that lists it).</param>
/// <param name="HoldingsDelta">Balance minus debt in the underlying: each unit held is a delta of one.</param>
/// <param name="ExposureDelta">The net delta of the reported options (Black-Scholes) and perps (their size).</param>
/// <param name="NetDelta">Holdings plus exposures, before the hedge.</param>
/// <param name="NetDeltaUsd">Net delta × price, USD.</param>
/// <param name="Side">The side of the perp hedge (short to shed a long delta, long to cover a short one); null when no hedge is advised.</param>
/// <param name="Quantity">The hedge's size in base units of the underlying; zero when none.</param>
/// <param name="NotionalUsd">The hedge's size × price, USD.</param>
/// <param name="NetDeltaAfter">The net delta with the hedge (within the band).</param>
/// <param name="NetDeltaAfterUsd">Net delta after × price, USD.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.underlying-hedge")]
public sealed record UnderlyingHedge(
    [property: Id(0)] string Underlying,
    [property: Id(1)] double Price,
    [property: Id(2)] int Decimals,
    [property: Id(3)] double HoldingsDelta,
    [property: Id(4)] double ExposureDelta,
    [property: Id(5)] double NetDelta,
    [property: Id(6)] double NetDeltaUsd,
    [property: Id(7)] PositionSide? Side,
    [property: Id(8)] UInt128 Quantity,
    [property: Id(9)] double NotionalUsd,
    [property: Id(10)] double NetDeltaAfter,
    [property: Id(11)] double NetDeltaAfterUsd);
