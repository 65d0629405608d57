namespace Mesh.Grains.Markets;

/// <summary>
/// The transient impact of a book that refills at a finite rate (the law <see cref="SimulatedAssetMarket"/> fills with
/// when <see cref="SimulatedAssetMarketOptions.SpeedDependentImpact"/> is set, and the adaptive coordinator sizes with
/// when <c>RebalancingOptions.SpeedDependentImpact</c> is set). Quantities are fractions of a day's depth <c>V</c>;
/// costs are in units of <c>Y·σ</c>. The book in front of the mid holds <c>z* = 1 ÷ (λ · 1 day)</c> of <c>V</c>, with
/// <c>λ = ln 2 ÷ half-life</c>: what liquidity revealed at the day's rate accumulates over one recovery time (Obizhaeva
/// and Wang 2013's resilience). Within it the marginal cost is the square root's <c>1.5·√z</c>; beyond it, its tangent
/// at <c>z*</c>, <c>1.5·√z*·(1 + (z − z*) ÷ (2·z*))</c>: the book is as dense as at its edge, and the marginal cost
/// grows linearly in the quantity consumed before the book refills.
/// </summary>
internal static class BookImpact
{
    /// <summary>The fraction of a day's depth the book in front of the mid holds: <c>z* = half-life ÷ (ln 2 · 1 day)</c> (1% for 10 minutes).</summary>
    /// <param name="halfLife">The book's recovery half-life.</param>
    /// <returns><c>z*</c>.</returns>
    public static double RevealedFraction(TimeSpan halfLife) => halfLife.TotalSeconds / Math.Log(2) / TimeSpan.FromDays(1).TotalSeconds;

    /// <summary>The marginal cost at <paramref name="z"/> consumed: <c>1.5·√z</c> up to <paramref name="revealed"/>, then the line tangent there.</summary>
    /// <param name="z">The depth consumed recently, a fraction of the day's depth.</param>
    /// <param name="revealed"><c>z*</c>; <see cref="double.PositiveInfinity"/> for the plain square root.</param>
    /// <returns>The marginal cost in units of <c>Y·σ</c>.</returns>
    public static double Marginal(double z, double revealed) =>
        z <= revealed ? 1.5 * Math.Sqrt(Math.Max(0, z)) : 1.5 * Math.Sqrt(revealed) * (1 + ((z - revealed) / (2 * revealed)));

    /// <summary>
    /// The mean marginal cost over <c>[b, b + r]</c>: the square root's mean, the line's midpoint value, or both in
    /// proportion when the interval crosses <c>z*</c> (exact in each case).
    /// </summary>
    /// <param name="b">Consumed before.</param>
    /// <param name="r">Consumed by the sale.</param>
    /// <param name="revealed"><c>z*</c>.</param>
    /// <returns>The mean cost in units of <c>Y·σ</c>.</returns>
    public static double Mean(double b, double r, double revealed)
    {
        var end = b + r;
        if (end <= revealed)
        {
            return SimulatedAssetMarket.MeanMarginalCost(b, r);
        }

        if (b >= revealed)
        {
            return Marginal((b + end) / 2, revealed);
        }

        var within = revealed - b;
        var beyond = end - revealed;
        return ((SimulatedAssetMarket.MeanMarginalCost(b, within) * within) + (Marginal((revealed + end) / 2, revealed) * beyond)) / r;
    }

    /// <summary>Where the marginal cost reaches <paramref name="cost"/>: the inverse of <see cref="Marginal"/>.</summary>
    /// <param name="cost">A marginal cost in units of <c>Y·σ</c>, ≥ 0.</param>
    /// <param name="revealed"><c>z*</c>.</param>
    /// <returns>The consumed fraction <c>z</c>.</returns>
    public static double Inverse(double cost, double revealed)
    {
        var edge = 1.5 * Math.Sqrt(revealed);
        return cost <= edge ? (cost / 1.5) * (cost / 1.5) : revealed + (2 * revealed * ((cost / edge) - 1));
    }
}
