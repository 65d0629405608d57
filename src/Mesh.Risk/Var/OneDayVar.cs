namespace Mesh.Risk.Var;

/// <summary>
/// The entry point the vaults use: one-day VaR of an asset from its daily log returns with
/// <see cref="VarModels.Recommended"/>, and its scaling to a liquidation horizon.
/// </summary>
public static class OneDayVar
{
    /// <summary>The default confidence (one-sided).</summary>
    public const double DefaultConfidence = 0.99;

    /// <summary>Forecasts tomorrow's VaR with the recommended model.</summary>
    /// <param name="logReturns">Daily log returns, oldest first (at least 30; 500 or more recommended).</param>
    /// <param name="confidence">The confidence in (0.5, 1).</param>
    /// <returns>The one-day VaR as a positive loss fraction in [0, 1).</returns>
    /// <exception cref="ArgumentException">Too few or non-finite returns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is out of range.</exception>
    public static double Forecast(ReadOnlySpan<double> logReturns, double confidence = DefaultConfidence) =>
        VarModels.Recommended.Forecast(logReturns, confidence);

    /// <summary>
    /// Scales a one-day VaR to <paramref name="horizonDays"/> by the square-root-of-time rule on the log-return
    /// quantile: VaR_h = 1 − (1 − VaR₁)^√h.
    /// </summary>
    /// <remarks>
    /// √h assumes independent, identically distributed daily returns over the horizon. It ignores GARCH mean reversion
    /// (it overstates risk when today's volatility is above its long-run level and understates it below) and the
    /// thinning of fat tails under aggregation (for Student-t innovations the h-day quantile is somewhat less than
    /// √h times the one-day one, so √h errs conservative at 99%). For horizons of a few days, the liquidation horizons
    /// of the haircut model, both effects are small next to the estimation error of a 1% quantile.
    /// </remarks>
    /// <param name="oneDayVar">A one-day VaR as a loss fraction in [0, 1).</param>
    /// <param name="horizonDays">The horizon in days (&gt; 0; fractions allowed).</param>
    /// <returns>The horizon VaR as a loss fraction in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its domain.</exception>
    public static double ScaleToHorizon(double oneDayVar, double horizonDays)
    {
        if (!(oneDayVar >= 0.0 && oneDayVar < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(oneDayVar), oneDayVar, "A VaR loss fraction must be in [0, 1).");
        }

        if (!(horizonDays > 0.0) || double.IsInfinity(horizonDays))
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), horizonDays, "The horizon must be finite and positive.");
        }

        return 1.0 - Math.Exp(Math.Sqrt(horizonDays) * Math.Log(1.0 - oneDayVar));
    }
}
