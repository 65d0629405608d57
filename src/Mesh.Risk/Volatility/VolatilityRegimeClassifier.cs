namespace Mesh.Risk.Volatility;

/// <summary>Classifies the volatility regime (calm / elevated / stressed) from forecast vs long-run volatility.</summary>
public static class VolatilityRegimeClassifier
{
    /// <summary>Classifies from a forecast and a long-run volatility (same units).</summary>
    /// <param name="forecastVolatility">The forecast volatility (≥ 0).</param>
    /// <param name="longRunVolatility">The long-run volatility (&gt; 0).</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <returns>The regime.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A volatility or threshold is out of its domain.</exception>
    public static VolatilityRegime Classify(double forecastVolatility, double longRunVolatility, VolatilityRegimeOptions? options = null)
    {
        options ??= new VolatilityRegimeOptions();
        options.Validate();
        if (!(forecastVolatility >= 0.0) || !double.IsFinite(forecastVolatility))
        {
            throw new ArgumentOutOfRangeException(nameof(forecastVolatility), forecastVolatility, "Volatility must be finite and non-negative.");
        }

        if (!(longRunVolatility > 0.0) || !double.IsFinite(longRunVolatility))
        {
            throw new ArgumentOutOfRangeException(nameof(longRunVolatility), longRunVolatility, "Long-run volatility must be finite and positive.");
        }

        var ratio = forecastVolatility / longRunVolatility;
        return ratio >= options.StressedRatio ? VolatilityRegime.Stressed
            : ratio > options.ElevatedRatio ? VolatilityRegime.Elevated
            : VolatilityRegime.Calm;
    }

    /// <summary>Classifies a GARCH(1,1) state: term volatility over the horizon vs the long-run volatility.</summary>
    /// <param name="model">The GARCH model.</param>
    /// <param name="currentVariance">The variance for the next period.</param>
    /// <param name="horizonPeriods">The forecast horizon in periods (≥ 1).</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <returns>The regime.</returns>
    public static VolatilityRegime Classify(Garch11 model, double currentVariance, int horizonPeriods, VolatilityRegimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var forecast = model.TermVolatility(currentVariance, horizonPeriods, 1.0);
        return Classify(forecast, Math.Sqrt(model.LongRunVariance), options);
    }
}
