namespace Mesh.Vaults;

/// <summary>How a vault's margin requirement was made up, in USD.</summary>
/// <param name="Scenario">The worst loss over the scenario grid (SPAN-like), options repriced per scenario.</param>
/// <param name="ExpectedShortfall">Monte Carlo one-day 99% expected shortfall of the exposures.</param>
/// <param name="MarkToMarketLiability">What the book owes now: short options' value plus perps' unrealized losses.</param>
/// <param name="Total">max(scenario, expected shortfall) + mark-to-market liability.</param>
[GenerateSerializer]
[Alias("mesh.vault.margin")]
public sealed record MarginBreakdown(
    [property: Id(0)] double Scenario,
    [property: Id(1)] double ExpectedShortfall,
    [property: Id(2)] double MarkToMarketLiability,
    [property: Id(3)] double Total);
