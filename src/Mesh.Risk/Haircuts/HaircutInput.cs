namespace Mesh.Risk.Haircuts;

/// <summary>The collateral position whose haircut is wanted.</summary>
/// <param name="AnnualVolatility">Annualised volatility of the collateral (≥ 0).</param>
/// <param name="Quantity">Size to be liquidated, in units (≥ 0).</param>
/// <param name="DailyVolume">Typical daily traded volume, in the same units (&gt; 0).</param>
/// <param name="CorrelationWithExposure">Correlation of the collateral with the exposure it backs, in [−1, 1]
/// (positive = wrong-way: the collateral falls when the exposure grows).</param>
public sealed record HaircutInput(double AnnualVolatility, double Quantity, double DailyVolume, double CorrelationWithExposure = 0.0);
