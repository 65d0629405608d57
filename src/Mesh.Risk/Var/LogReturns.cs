namespace Mesh.Risk.Var;

/// <summary>Daily log returns from a price series.</summary>
public static class LogReturns
{
    /// <summary>rₜ = ln(Pₜ / Pₜ₋₁) for consecutive prices.</summary>
    /// <param name="prices">Positive finite prices, oldest first (at least two).</param>
    /// <returns>One return fewer than prices.</returns>
    /// <exception cref="ArgumentException">Fewer than two prices, or a price that is not positive and finite.</exception>
    public static double[] FromPrices(ReadOnlySpan<double> prices)
    {
        if (prices.Length < 2)
        {
            throw new ArgumentException("At least two prices are required.", nameof(prices));
        }

        var result = new double[prices.Length - 1];
        for (var t = 0; t < prices.Length; t++)
        {
            if (!(prices[t] > 0.0) || double.IsInfinity(prices[t]))
            {
                throw new ArgumentException($"Price {t} must be positive and finite.", nameof(prices));
            }

            if (t > 0)
            {
                result[t - 1] = Math.Log(prices[t] / prices[t - 1]);
            }
        }

        return result;
    }
}
