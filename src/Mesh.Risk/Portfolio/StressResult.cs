namespace Mesh.Risk.Portfolio;

/// <summary>Outcome of a stress scenario.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="PnL">Portfolio P&amp;L under the stress (negative = loss).</param>
/// <param name="StressedSpots">Asset prices under the stress, in asset order.</param>
public sealed record StressResult(string Scenario, double PnL, IReadOnlyList<double> StressedSpots);
