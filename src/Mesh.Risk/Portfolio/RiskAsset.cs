namespace Mesh.Risk.Portfolio;

/// <summary>An underlying risk factor of a portfolio.</summary>
/// <param name="Name">A unique name, e.g. "ETH".</param>
/// <param name="Spot">Current price (&gt; 0).</param>
/// <param name="Volatility">Annualised volatility (≥ 0) used to simulate its returns.</param>
public sealed record RiskAsset(string Name, double Spot, double Volatility);
