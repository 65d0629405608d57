using Mesh.Risk.Volatility;

namespace Mesh.Risk.Var;

/// <summary>The one-day VaR models of this library, and the one the vaults use.</summary>
public static class VarModels
{
    /// <summary>
    /// Gets the recommended model: GARCH(1,1) with Student-t innovations (see <see cref="GarchStudentT"/>). It passes
    /// Kupiec's and Christoffersen's tests at 5% for one-day 99% VaR on every asset shipped as test data
    /// (docs/risk/var-backtest.md).
    /// </summary>
    public static IVarModel Recommended { get; } = GarchStudentT();

    /// <summary>RiskMetrics: EWMA variance, zero mean, normal quantile. The baseline; too thin-tailed for crypto.</summary>
    /// <param name="lambda">The decay factor λ in (0, 1).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is outside (0, 1).</exception>
    public static IVarModel NormalEwma(double lambda = Ewma.RiskMetricsLambda)
    {
        if (!(lambda > 0.0 && lambda < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Lambda must be in (0, 1).");
        }

        return new NormalEwmaVarModel(lambda);
    }

    /// <summary>GARCH(1,1) variance (quasi-maximum likelihood) with a normal quantile.</summary>
    /// <returns>The model; it needs at least 30 returns.</returns>
    public static IVarModel GarchNormal() => new GarchVarModel(GarchInnovation.Normal);

    /// <summary>
    /// GARCH(1,1) variance (quasi-maximum likelihood) with the quantile of a unit-variance Student t whose degrees of
    /// freedom are fitted by maximum likelihood to the GARCH-standardized residuals (ν in [2.1, 200]).
    /// </summary>
    /// <returns>The model; it needs at least 30 returns.</returns>
    public static IVarModel GarchStudentT() => new GarchVarModel(GarchInnovation.StudentT);

    /// <summary>
    /// Filtered historical simulation (Barone-Adesi et al. 1999; Hull &amp; White 1998): the empirical quantile of the
    /// window's GARCH-standardized residuals, rescaled by the forecast volatility.
    /// </summary>
    /// <returns>The model; it needs at least 30 returns, and a few hundred for a stable 1% quantile.</returns>
    public static IVarModel FilteredHistoricalSimulation() => new GarchVarModel(GarchInnovation.Empirical);
}
