namespace Mesh.Risk.Portfolio;

/// <summary>A holding in one asset of a <see cref="RiskPortfolio"/>.</summary>
/// <param name="AssetIndex">Index of the asset in <see cref="RiskPortfolio.Assets"/>.</param>
/// <param name="Quantity">Signed quantity (negative = short).</param>
public abstract record Position(int AssetIndex, double Quantity);
