namespace Mesh.Risk.Portfolio;

/// <summary>Perpetual future (linear): P&amp;L = quantity × price change (funding ignored over the horizon).</summary>
/// <param name="AssetIndex">Index of the asset.</param>
/// <param name="Quantity">Signed quantity in units of the asset.</param>
public sealed record PerpPosition(int AssetIndex, double Quantity) : Position(AssetIndex, Quantity);
