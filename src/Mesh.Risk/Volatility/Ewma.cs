namespace Mesh.Risk.Volatility;

/// <summary>
/// Exponentially weighted moving average variance (RiskMetrics): σ²ₙ = λσ²ₙ₋₁ + (1 − λ)r²ₙ₋₁.
/// Returns are per period (e.g. daily log returns); variances are per period too.
/// </summary>
public static class Ewma
{
    /// <summary>The RiskMetrics decay factor for daily data.</summary>
    public const double RiskMetricsLambda = 0.94;

    /// <summary>One EWMA update.</summary>
    /// <param name="previousVariance">σ²ₙ₋₁ (≥ 0).</param>
    /// <param name="previousReturn">rₙ₋₁.</param>
    /// <param name="lambda">Decay factor λ in (0, 1).</param>
    /// <returns>σ²ₙ.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of its domain.</exception>
    public static double UpdateVariance(double previousVariance, double previousReturn, double lambda = RiskMetricsLambda)
    {
        ValidateLambda(lambda);
        if (!(previousVariance >= 0.0) || double.IsPositiveInfinity(previousVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(previousVariance), previousVariance, "Variance must be finite and non-negative.");
        }

        if (!double.IsFinite(previousReturn))
        {
            throw new ArgumentOutOfRangeException(nameof(previousReturn), previousReturn, "Return must be finite.");
        }

        return (lambda * previousVariance) + ((1.0 - lambda) * previousReturn * previousReturn);
    }

    /// <summary>The EWMA variance after each return, seeded with the first squared return.</summary>
    /// <param name="returns">Per-period returns, oldest first (at least one).</param>
    /// <param name="lambda">Decay factor λ in (0, 1).</param>
    /// <returns>Element i is the variance estimate for period i + 1 (using returns 0..i).</returns>
    /// <exception cref="ArgumentException"><paramref name="returns"/> is empty.</exception>
    public static double[] VarianceSeries(ReadOnlySpan<double> returns, double lambda = RiskMetricsLambda)
    {
        ValidateLambda(lambda);
        if (returns.IsEmpty)
        {
            throw new ArgumentException("At least one return is required.", nameof(returns));
        }

        var result = new double[returns.Length];
        var variance = returns[0] * returns[0];
        result[0] = variance;
        for (var i = 1; i < returns.Length; i++)
        {
            variance = UpdateVariance(variance, returns[i], lambda);
            result[i] = variance;
        }

        return result;
    }

    /// <summary>The latest EWMA volatility (square root of the last variance of <see cref="VarianceSeries"/>).</summary>
    /// <param name="returns">Per-period returns, oldest first (at least one).</param>
    /// <param name="lambda">Decay factor λ in (0, 1).</param>
    /// <returns>The per-period volatility.</returns>
    public static double Volatility(ReadOnlySpan<double> returns, double lambda = RiskMetricsLambda) =>
        Math.Sqrt(VarianceSeries(returns, lambda)[^1]);

    private static void ValidateLambda(double lambda)
    {
        if (!(lambda > 0.0 && lambda < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Lambda must be in (0, 1).");
        }
    }
}
