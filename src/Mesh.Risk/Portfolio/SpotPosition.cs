namespace Mesh.Risk.Portfolio;

/// <summary>Spot holding (e.g. collateral): value = quantity × price.</summary>
/// <param name="AssetIndex">Index of the asset.</param>
/// <param name="Quantity">Signed quantity.</param>
public sealed record SpotPosition(int AssetIndex, double Quantity) : Position(AssetIndex, Quantity);
