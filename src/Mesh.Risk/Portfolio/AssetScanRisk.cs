namespace Mesh.Risk.Portfolio;

/// <summary>Scanning risk of the positions on one asset.</summary>
/// <param name="AssetIndex">The asset's index.</param>
/// <param name="Asset">The asset's name.</param>
/// <param name="ScanningRisk">The largest weighted loss over the grid (≥ 0).</param>
/// <param name="Worst">The scenario producing it.</param>
/// <param name="Scenarios">Every scenario of the grid.</param>
public sealed record AssetScanRisk(int AssetIndex, string Asset, double ScanningRisk, MarginScenario Worst, IReadOnlyList<MarginScenario> Scenarios);
