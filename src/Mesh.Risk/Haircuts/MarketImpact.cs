namespace Mesh.Risk.Haircuts;

/// <summary>The square-root law of market impact: relative impact ≈ Y·σ_daily·√(Q/V).</summary>
public static class MarketImpact
{
    /// <summary>Expected relative price impact of trading <paramref name="quantity"/>.</summary>
    /// <param name="dailyVolatility">Daily volatility (≥ 0).</param>
    /// <param name="quantity">Quantity traded (≥ 0).</param>
    /// <param name="dailyVolume">Daily volume (&gt; 0).</param>
    /// <param name="coefficient">Y (≥ 0).</param>
    /// <returns>The impact as a fraction of price.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of its domain.</exception>
    public static double SquareRoot(double dailyVolatility, double quantity, double dailyVolume, double coefficient)
    {
        if (!(dailyVolatility >= 0) || !double.IsFinite(dailyVolatility))
        {
            throw new ArgumentOutOfRangeException(nameof(dailyVolatility), dailyVolatility, "Volatility must be finite and non-negative.");
        }

        if (!(quantity >= 0) || !double.IsFinite(quantity))
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must be finite and non-negative.");
        }

        if (!(dailyVolume > 0) || !double.IsFinite(dailyVolume))
        {
            throw new ArgumentOutOfRangeException(nameof(dailyVolume), dailyVolume, "Daily volume must be finite and positive.");
        }

        if (!(coefficient >= 0) || !double.IsFinite(coefficient))
        {
            throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, "Impact coefficient must be finite and non-negative.");
        }

        return coefficient * dailyVolatility * Math.Sqrt(quantity / dailyVolume);
    }
}
