namespace Mesh.Risk.Portfolio;

/// <summary>One scenario of the margin grid and the loss it produces for one asset's positions.</summary>
/// <param name="PriceMove">Relative price move (−0.15 = −15%).</param>
/// <param name="VolMove">Relative implied-vol move (0.25 = vols × 1.25).</param>
/// <param name="Weight">Fraction of the loss that counts (1, or the extreme cover fraction).</param>
/// <param name="Loss">Weighted loss (positive = loss).</param>
public sealed record MarginScenario(double PriceMove, double VolMove, double Weight, double Loss);
