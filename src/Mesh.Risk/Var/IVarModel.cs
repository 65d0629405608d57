namespace Mesh.Risk.Var;

/// <summary>
/// A one-day Value-at-Risk model of a single asset. VaR is returned as a positive fraction of the position's value:
/// the loss that the next day's return exceeds with probability 1 − confidence.
/// </summary>
/// <remarks>Returns are daily log returns ln(Pₜ/Pₜ₋₁), oldest first; the model is long the asset.</remarks>
public interface IVarModel
{
    /// <summary>Gets a short name for reports.</summary>
    string Name { get; }

    /// <summary>Fits the model to <paramref name="logReturns"/> and forecasts the VaR of the next day.</summary>
    /// <param name="logReturns">Daily log returns up to and including today, oldest first.</param>
    /// <param name="confidence">The VaR confidence in (0.5, 1), e.g. 0.99.</param>
    /// <returns>The one-day VaR as a loss fraction in [0, 1).</returns>
    double Forecast(ReadOnlySpan<double> logReturns, double confidence);

    /// <summary>Estimates the model's parameters on <paramref name="logReturns"/> for reuse on later histories.</summary>
    /// <param name="logReturns">Daily log returns, oldest first.</param>
    /// <returns>The fitted model; <c>Fit(r).Forecast(r, c)</c> equals <c>Forecast(r, c)</c>.</returns>
    IFittedVarModel Fit(ReadOnlySpan<double> logReturns);
}
