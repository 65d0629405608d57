namespace Mesh.Risk.Portfolio;

/// <summary>A named deterministic stress: explicit price shocks, a vol multiplier, an optional correlation override.</summary>
/// <param name="Name">Display name, e.g. "ETH −40%, vol ×2, correlations → 0.9".</param>
/// <param name="PriceShocks">Relative moves by asset name (−0.40 = −40%). Assets not listed move by their conditional
/// expectation given the listed ones under the (possibly overridden) correlation.</param>
/// <param name="VolMultiplier">Factor applied to every implied volatility.</param>
/// <param name="CorrelationOverride">When set, every off-diagonal correlation is replaced by this value.</param>
public sealed record StressScenario(string Name, IReadOnlyDictionary<string, double> PriceShocks, double VolMultiplier = 1.0, double? CorrelationOverride = null);
