using Mesh.Risk.Backtesting;
using Mesh.Risk.Distributions;

namespace Mesh.Risk.Var;

/// <summary>
/// Student's t distribution with ν degrees of freedom (density, CDF, quantile), and the quantile of the standardized
/// t (scaled to unit variance, ν &gt; 2) used as a fat-tailed innovation in VaR models.
/// </summary>
/// <remarks>
/// The CDF is ½ I_{ν/(ν+t²)}(ν/2, ½) in each tail (regularized incomplete beta). The quantile starts from the
/// Cornish-Fisher expansion of the normal quantile (Abramowitz &amp; Stegun 26.7.5) and is polished by Newton steps
/// kept inside a bracket; ν = 1 and ν = 2 use their closed forms.
/// </remarks>
public static class StudentTDistribution
{
    /// <summary>The density f(t).</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    /// <returns>Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) (1 + t²/ν)^(−(ν+1)/2).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not positive.</exception>
    public static double Pdf(double t, double degreesOfFreedom)
    {
        Validate(degreesOfFreedom);
        return Math.Exp(LogPdf(t, degreesOfFreedom));
    }

    /// <summary>The cumulative distribution P(T ≤ t).</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    /// <returns>F(t), with the smaller tail computed directly.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not positive.</exception>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        Validate(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        var tail = LowerTail(-Math.Abs(t), degreesOfFreedom);
        return t > 0 ? 1.0 - tail : tail;
    }

    /// <summary>The quantile: the t with F(t) = p.</summary>
    /// <param name="p">A probability in [0, 1].</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    /// <returns>F⁻¹(p); −∞ for 0 and +∞ for 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its domain.</exception>
    public static double InverseCdf(double p, double degreesOfFreedom)
    {
        Validate(degreesOfFreedom);
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Probability must be in [0, 1].");
        }

        if (p == 0.0 || p == 1.0)
        {
            return p == 0.0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return p > 0.5 ? -LowerQuantile(1.0 - p, degreesOfFreedom) : LowerQuantile(p, degreesOfFreedom);
    }

    /// <summary>The quantile of the standardized (unit-variance) t: F⁻¹(p) · √((ν − 2)/ν).</summary>
    /// <param name="p">A probability in (0, 1).</param>
    /// <param name="degreesOfFreedom">ν &gt; 2.</param>
    /// <returns>The quantile of a t variable rescaled to variance 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not above 2.</exception>
    public static double StandardizedInverseCdf(double p, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 2.0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "A unit-variance t needs more than 2 degrees of freedom.");
        }

        return InverseCdf(p, degreesOfFreedom) * Math.Sqrt((degreesOfFreedom - 2.0) / degreesOfFreedom);
    }

    internal static double LogPdf(double t, double nu) =>
        SpecialFunctions.LogGamma(0.5 * (nu + 1.0)) - SpecialFunctions.LogGamma(0.5 * nu)
        - (0.5 * Math.Log(nu * Math.PI)) - (0.5 * (nu + 1.0) * Math.Log(1.0 + (t * t / nu)));

    /// <summary>P(T ≤ t) for t ≤ 0.</summary>
    private static double LowerTail(double t, double nu)
    {
        var t2 = t * t;
        return 0.5 * SpecialFunctions.RegularizedBeta(nu / (nu + t2), t2 / (nu + t2), 0.5 * nu, 0.5);
    }

    /// <summary>F⁻¹(p) for 0 &lt; p ≤ ½.</summary>
    private static double LowerQuantile(double p, double nu)
    {
        if (nu == 1.0)
        {
            return Math.Tan(Math.PI * (p - 0.5));
        }

        if (nu == 2.0)
        {
            return (2.0 * p - 1.0) / Math.Sqrt(2.0 * p * (1.0 - p));
        }

        // Bracket [lo, hi] with F(lo) ≤ p ≤ F(hi), hi = 0; widen lo by doubling.
        var guess = Math.Min(CornishFisher(NormalDistribution.InverseCdf(p), nu), -1e-3);
        var lo = guess;
        while (LowerTail(lo, nu) > p)
        {
            lo *= 2.0;
        }

        var hi = 0.0;
        var t = guess < lo ? lo : guess;
        for (var i = 0; i < 100; i++)
        {
            var f = LowerTail(t, nu) - p;
            if (f > 0)
            {
                hi = t;
            }
            else
            {
                lo = t;
            }

            var next = t - (f / Math.Exp(LogPdf(t, nu)));
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - t) <= 1e-15 * Math.Abs(t))
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    private static double CornishFisher(double z, double nu)
    {
        var z2 = z * z;
        var g1 = ((z2 + 1.0) * z) / 4.0;
        var g2 = ((((5.0 * z2) + 16.0) * z2 + 3.0) * z) / 96.0;
        var g3 = ((((((3.0 * z2) + 19.0) * z2) + 17.0) * z2 - 15.0) * z) / 384.0;
        return z + (g1 / nu) + (g2 / (nu * nu)) + (g3 / (nu * nu * nu));
    }

    private static void Validate(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0.0) || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be finite and positive.");
        }
    }
}
