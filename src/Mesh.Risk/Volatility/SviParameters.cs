namespace Mesh.Risk.Volatility;

/// <summary>
/// Raw SVI total implied variance slice (Gatheral 2004): w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), where
/// k = ln(K/F) and w = σ_imp²·T.
/// </summary>
/// <param name="A">Level a.</param>
/// <param name="B">Slope b ≥ 0.</param>
/// <param name="Rho">Skew ρ in (−1, 1).</param>
/// <param name="M">Shift m.</param>
/// <param name="Sigma">Curvature σ &gt; 0.</param>
public sealed record SviParameters(double A, double B, double Rho, double M, double Sigma)
{
    /// <summary>Total implied variance w(k).</summary>
    /// <param name="k">Log-moneyness ln(K/F).</param>
    /// <returns>w(k).</returns>
    public double TotalVariance(double k)
    {
        var x = k - M;
        return A + (B * ((Rho * x) + Math.Sqrt((x * x) + (Sigma * Sigma))));
    }

    /// <summary>Implied volatility at log-moneyness <paramref name="k"/> for expiry <paramref name="time"/>.</summary>
    /// <param name="k">Log-moneyness ln(K/F).</param>
    /// <param name="time">Expiry in years (&gt; 0).</param>
    /// <returns>√(w(k)/T), NaN where w(k) &lt; 0.</returns>
    public double ImpliedVolatility(double k, double time) => Math.Sqrt(TotalVariance(k) / time);

    /// <summary>
    /// Gatheral-Jacquier butterfly density factor g(k) = (1 − kw′/2w)² − (w′²/4)(1/w + 1/4) + w″/2;
    /// the slice is free of butterfly arbitrage where g(k) ≥ 0.
    /// </summary>
    /// <param name="k">Log-moneyness ln(K/F).</param>
    /// <returns>g(k).</returns>
    public double ButterflyDensity(double k)
    {
        var x = k - M;
        var root = Math.Sqrt((x * x) + (Sigma * Sigma));
        var w = TotalVariance(k);
        var w1 = B * (Rho + (x / root));
        var w2 = B * Sigma * Sigma / (root * root * root);
        var term = 1.0 - (k * w1 / (2.0 * w));
        return (term * term) - (w1 * w1 / 4.0 * ((1.0 / w) + 0.25)) + (w2 / 2.0);
    }
}
