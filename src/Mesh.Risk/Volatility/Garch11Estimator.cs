namespace Mesh.Risk.Volatility;

/// <summary>Maximum-likelihood estimation of GARCH(1,1) from a return series.</summary>
/// <remarks>
/// Nelder-Mead on an unconstrained reparametrisation: persistence α+β = 0.9999·logistic(θ₁), α share =
/// logistic(θ₂), ω = exp(θ₃). The first variance is the sample variance; the start is variance targeting with
/// α = 0.08, β = 0.90.
/// </remarks>
public static class Garch11Estimator
{
    /// <summary>Fits ω, α, β by maximising the Gaussian likelihood.</summary>
    /// <param name="returns">Per-period (e.g. daily) returns, oldest first; at least 30.</param>
    /// <returns>The fitted model and diagnostics.</returns>
    /// <exception cref="ArgumentException">Too few returns, a non-finite return, or zero sample variance.</exception>
    public static Garch11Fit Fit(ReadOnlySpan<double> returns)
    {
        if (returns.Length < 30)
        {
            throw new ArgumentException("At least 30 returns are required for a GARCH fit.", nameof(returns));
        }

        var data = returns.ToArray();
        var sampleVariance = data.Select(r => r * r).Average();
        if (!(sampleVariance > 0.0) || !double.IsFinite(sampleVariance))
        {
            throw new ArgumentException("Returns must be finite with a positive sample variance.", nameof(returns));
        }

        double Objective(double[] theta)
        {
            var model = ToModel(theta);
            var ll = model.LogLikelihood(data, sampleVariance);
            return double.IsFinite(ll) ? -ll : double.MaxValue;
        }

        const double persistence0 = 0.98, share0 = 0.08 / 0.98;
        double[] start = [Logit(persistence0 / 0.9999), Logit(share0), Math.Log(sampleVariance * (1 - persistence0))];
        var (point, value, iterations, converged) = NelderMead.Minimize(Objective, start, [0.5, 0.5, 0.5], 1e-12, 4000);
        var fitted = ToModel(point);
        var current = sampleVariance;
        foreach (var r in data)
        {
            current = fitted.UpdateVariance(current, r);
        }

        return new Garch11Fit(fitted, -value, current, iterations, converged);
    }

    private static Garch11 ToModel(double[] theta)
    {
        var persistence = 0.9999 * Logistic(theta[0]);
        var share = Logistic(theta[1]);
        return new Garch11(Math.Exp(Math.Clamp(theta[2], -700, 700)), persistence * share, persistence * (1 - share));
    }

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1.0 - p));
}
