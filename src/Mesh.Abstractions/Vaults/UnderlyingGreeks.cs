namespace Mesh.Vaults;

/// <summary>A vault's net sensitivities to one underlying, over options and perps.</summary>
/// <param name="Underlying">The underlying asset.</param>
/// <param name="Delta">Net delta in units of the underlying.</param>
/// <param name="DeltaUsd">Net delta in USD (delta × price).</param>
/// <param name="Gamma">Net gamma in units per USD of price move.</param>
/// <param name="Vega">Net vega in USD per one volatility point (0.01).</param>
[GenerateSerializer]
[Alias("mesh.vault.greeks")]
public sealed record UnderlyingGreeks(
    [property: Id(0)] string Underlying,
    [property: Id(1)] double Delta,
    [property: Id(2)] double DeltaUsd,
    [property: Id(3)] double Gamma,
    [property: Id(4)] double Vega);
