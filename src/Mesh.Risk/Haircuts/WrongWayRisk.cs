namespace Mesh.Risk.Haircuts;

/// <summary>Wrong-way add-on for collateral that is positively correlated with the exposure it secures.</summary>
public static class WrongWayRisk
{
    /// <summary>Add-on = multiplier × max(ρ, 0) × price-risk haircut; zero for independent or hedging collateral.</summary>
    /// <param name="correlation">Correlation in [−1, 1].</param>
    /// <param name="priceRisk">The price-risk component of the haircut (≥ 0).</param>
    /// <param name="multiplier">Scale of the add-on (≥ 0).</param>
    /// <returns>The add-on, as a fraction of collateral value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The correlation is outside [−1, 1].</exception>
    public static double AddOn(double correlation, double priceRisk, double multiplier)
    {
        if (!(correlation >= -1 && correlation <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, "Correlation must be in [−1, 1].");
        }

        return multiplier * Math.Max(correlation, 0.0) * priceRisk;
    }
}
