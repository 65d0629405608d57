using Mesh.Risk.Distributions;

namespace Mesh.Risk.Options;

/// <summary>
/// The normalised out-of-the-money Black call b(x, s) = e^(x/2)Φ(x/s + s/2) − e^(−x/2)Φ(x/s − s/2) for
/// x = ln(F/K) ≤ 0 and total volatility s = σ√T, evaluated in log space so that prices as small as 1e-300 keep
/// their relative precision.
/// </summary>
internal static class NormalizedBlack
{
    /// <summary>ln b(x, s) and its derivative with respect to s; x must be ≤ 0 and s &gt; 0.</summary>
    internal static double LogPrice(double x, double s, out double slope)
    {
        var h = x / s;
        var t = 0.5 * s;
        var d1 = h + t;
        var d2 = h - t;
        var exponent = (-0.5 * h * h) - (0.5 * t * t);
        if (d1 <= 0.0)
        {
            // Both terms share the factor exp(-x²/2s² - s²/8); what remains is a difference of scaled tails.
            var diff = CodyNormal.ScaledTailAll(-d1) - CodyNormal.ScaledTailAll(-d2);
            slope = NormalDistribution.InvSqrt2Pi / diff;
            return exponent + Math.Log(diff);
        }

        double b;
        if (d1 <= CodyNormal.SmallLimit && -d2 <= CodyNormal.SmallLimit)
        {
            var ex = Math.Exp(0.5 * x);
            b = Math.Sinh(0.5 * x) + (ex * CodyNormal.CentralOffset(d1)) - (CodyNormal.CentralOffset(d2) / ex);
        }
        else
        {
            b = (Math.Exp(0.5 * x) * NormalDistribution.Cdf(d1)) - (Math.Exp(-0.5 * x) * NormalDistribution.Cdf(d2));
        }

        slope = NormalDistribution.InvSqrt2Pi * Math.Exp(exponent) / b;
        return Math.Log(b);
    }
}
