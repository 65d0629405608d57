namespace Mesh.Vaults;

/// <summary>How a vault's margin requirement was made up, in USD.</summary>
/// <param name="Scenario">The worst loss over the scenario grid (SPAN-like), options repriced per scenario.</param>
/// <param name="ExpectedShortfall">Monte Carlo one-day 99% expected shortfall of the exposures.</param>
/// <param name="MarkToMarketLiability">What the book owes now: short options' value plus perps' unrealized losses.</param>
/// <param name="Total">max(scenario, expected shortfall) + mark-to-market liability.</param>
/// <param name="HedgeGain">
/// What the mesh's own perp hedges are worth to the vault now, USD, before the haircut: the book's net value (reported
/// exposures, hedges and the hedges' realized profit or loss) where it is positive, but never more than the hedges bring.
/// It counts as collateral after <c>Mesh:Risk:HedgeGainHaircut</c>; a protocol's reported gains never do.
/// </param>
[GenerateSerializer]
[Alias("mesh.vault.margin")]
public sealed record MarginBreakdown(
    [property: Id(0)] double Scenario,
    [property: Id(1)] double ExpectedShortfall,
    [property: Id(2)] double MarkToMarketLiability,
    [property: Id(3)] double Total,
    [property: Id(4)] double HedgeGain = 0.0);
