namespace Mesh.Risk.Portfolio;

/// <summary>Scenario (SPAN-like) margin of a portfolio.</summary>
/// <param name="Margin">Sum of the per-asset scanning risks (no inter-asset offsets).</param>
/// <param name="Assets">Per-asset detail.</param>
public sealed record ScenarioMarginResult(double Margin, IReadOnlyList<AssetScanRisk> Assets);
