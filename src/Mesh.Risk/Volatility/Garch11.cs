namespace Mesh.Risk.Volatility;

/// <summary>
/// A GARCH(1,1) variance process σ²ₙ = ω + α·r²ₙ₋₁ + β·σ²ₙ₋₁ with per-period returns (e.g. daily).
/// </summary>
/// <remarks>Construct directly or fit with <see cref="Garch11Estimator.Fit"/>. Requires ω &gt; 0, α, β ≥ 0, α + β &lt; 1.</remarks>
public sealed record Garch11
{
    /// <summary>Initializes a new instance of the <see cref="Garch11"/> class.</summary>
    /// <param name="omega">ω &gt; 0.</param>
    /// <param name="alpha">α ≥ 0, the weight of the latest squared return.</param>
    /// <param name="beta">β ≥ 0, the weight of the latest variance.</param>
    /// <exception cref="ArgumentOutOfRangeException">The parameters are not a stationary GARCH(1,1).</exception>
    public Garch11(double omega, double alpha, double beta)
    {
        if (!(omega > 0.0) || !double.IsFinite(omega))
        {
            throw new ArgumentOutOfRangeException(nameof(omega), omega, "Omega must be finite and positive.");
        }

        if (!(alpha >= 0.0) || !(beta >= 0.0))
        {
            throw new ArgumentOutOfRangeException(alpha >= 0.0 ? nameof(beta) : nameof(alpha), "Alpha and beta must be non-negative.");
        }

        if (!(alpha + beta < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), alpha + beta, "Alpha + beta must be below 1 for a stationary process.");
        }

        Omega = omega;
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>Gets ω.</summary>
    public double Omega { get; }

    /// <summary>Gets α.</summary>
    public double Alpha { get; }

    /// <summary>Gets β.</summary>
    public double Beta { get; }

    /// <summary>Gets the persistence α + β.</summary>
    public double Persistence => Alpha + Beta;

    /// <summary>Gets the long-run (unconditional) per-period variance ω / (1 − α − β).</summary>
    public double LongRunVariance => Omega / (1.0 - Alpha - Beta);

    /// <summary>One GARCH update.</summary>
    /// <param name="previousVariance">σ²ₙ₋₁.</param>
    /// <param name="previousReturn">rₙ₋₁.</param>
    /// <returns>σ²ₙ.</returns>
    public double UpdateVariance(double previousVariance, double previousReturn) =>
        Omega + (Alpha * previousReturn * previousReturn) + (Beta * previousVariance);

    /// <summary>Expected variance <paramref name="periodsAhead"/> periods ahead: V_L + (α+β)^k (σ² − V_L).</summary>
    /// <param name="currentVariance">The variance for the next period, σ²ₙ.</param>
    /// <param name="periodsAhead">k ≥ 0.</param>
    /// <returns>E[σ²ₙ₊ₖ].</returns>
    public double ForecastVariance(double currentVariance, int periodsAhead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periodsAhead);
        return LongRunVariance + (Math.Pow(Persistence, periodsAhead) * (currentVariance - LongRunVariance));
    }

    /// <summary>
    /// Term structure: the annualised volatility to use for an option of <paramref name="periods"/> periods, i.e. the
    /// square root of the average expected variance over the horizon times <paramref name="periodsPerYear"/>.
    /// </summary>
    /// <param name="currentVariance">The variance for the next period, σ²ₙ.</param>
    /// <param name="periods">Horizon in periods (≥ 1).</param>
    /// <param name="periodsPerYear">Periods per year (365 for 24/7 crypto days, 252 for trading days).</param>
    /// <returns>The annualised term volatility.</returns>
    public double TermVolatility(double currentVariance, int periods, double periodsPerYear = 365.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        var p = Persistence;
        var geometric = p == 1.0 ? periods : (1.0 - Math.Pow(p, periods)) / (1.0 - p);
        var average = LongRunVariance + ((currentVariance - LongRunVariance) * geometric / periods);
        return Math.Sqrt(average * periodsPerYear);
    }

    /// <summary>Gaussian log-likelihood of <paramref name="returns"/>, starting from <paramref name="initialVariance"/>.</summary>
    /// <param name="returns">Per-period returns, oldest first.</param>
    /// <param name="initialVariance">σ² for the first return (commonly the sample variance).</param>
    /// <returns>Σ −½(ln 2π + ln σ²ₜ + rₜ²/σ²ₜ).</returns>
    public double LogLikelihood(ReadOnlySpan<double> returns, double initialVariance)
    {
        const double ln2Pi = 1.8378770664093453;
        var variance = initialVariance;
        var sum = 0.0;
        for (var t = 0; t < returns.Length; t++)
        {
            var r2 = returns[t] * returns[t];
            sum += ln2Pi + Math.Log(variance) + (r2 / variance);
            variance = Omega + (Alpha * r2) + (Beta * variance);
        }

        return -0.5 * sum;
    }
}
