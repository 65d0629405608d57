namespace Mesh.Risk.Var;

/// <summary>
/// A VaR model whose parameters are fixed: each forecast re-filters the given history (volatility, standardized
/// residuals) but does not re-estimate, so forecasting daily and refitting every few weeks is cheap.
/// </summary>
public interface IFittedVarModel
{
    /// <summary>Forecasts the next day's VaR from <paramref name="logReturns"/> with the fitted parameters.</summary>
    /// <param name="logReturns">Daily log returns up to and including today, oldest first.</param>
    /// <param name="confidence">The VaR confidence in (0.5, 1).</param>
    /// <returns>The one-day VaR as a loss fraction in [0, 1).</returns>
    double Forecast(ReadOnlySpan<double> logReturns, double confidence);
}
