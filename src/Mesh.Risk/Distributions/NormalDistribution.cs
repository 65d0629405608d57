namespace Mesh.Risk.Distributions;

/// <summary>
/// The standard normal distribution: density, cumulative distribution and its inverse, accurate to about
/// 1e-15 relative error over the whole double range (including far lower tails).
/// </summary>
/// <remarks>
/// The CDF is W. J. Cody's rational Chebyshev approximation (Math. Comp. 1969, as in his CALERF/ANORM code),
/// evaluated directly in <c>x</c> with the <c>exp(-x²/2)</c> factor split to avoid cancellation. The inverse is
/// Acklam's rational approximation refined by one Halley step against the accurate CDF.
/// </remarks>
public static class NormalDistribution
{
    /// <summary>1/√(2π).</summary>
    public const double InvSqrt2Pi = 0.398942280401432677939946059934;

    /// <summary>√(2π).</summary>
    public const double Sqrt2Pi = 2.50662827463100050241576528481;

    /// <summary>Standard normal density φ(x).</summary>
    /// <param name="x">The point at which to evaluate the density.</param>
    /// <returns>φ(x) = exp(-x²/2)/√(2π).</returns>
    public static double Pdf(double x)
    {
        var y = Math.Abs(x);
        if (y > 38.6)
        {
            return 0.0;
        }

        // Split y = hi + lo with hi exact on a 1/16 grid so that exp(-y²/2) keeps full relative precision.
        var hi = Math.Truncate(y * 16.0) / 16.0;
        var del = (y - hi) * (y + hi);
        return InvSqrt2Pi * Math.Exp(-0.5 * hi * hi) * Math.Exp(-0.5 * del);
    }

    /// <summary>Standard normal cumulative distribution Φ(x) = P(Z ≤ x).</summary>
    /// <param name="x">The upper limit of integration.</param>
    /// <returns>Φ(x), with relative error near 1e-15 also for far negative <paramref name="x"/>.</returns>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var y = Math.Abs(x);
        if (y <= CodyNormal.SmallLimit)
        {
            return 0.5 + CodyNormal.CentralOffset(x);
        }

        var tail = Exp(y) * CodyNormal.ScaledTail(y);
        return x > 0 ? 1.0 - tail : tail;
    }

    /// <summary>Inverse of the standard normal CDF: the x with Φ(x) = p.</summary>
    /// <param name="p">A probability in [0, 1].</param>
    /// <returns>Φ⁻¹(p); −∞ for 0 and +∞ for 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    public static double InverseCdf(double p)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Probability must be in [0, 1].");
        }

        if (p == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1.0)
        {
            return double.PositiveInfinity;
        }

        if (p > 0.5)
        {
            // Work in the lower tail, where the approximation and the CDF are relatively accurate.
            return -InverseLowerTail(1.0 - p);
        }

        return InverseLowerTail(p);
    }

    /// <summary>exp(-y²/2) computed with the y² split used by Cody, for full relative accuracy.</summary>
    internal static double Exp(double y)
    {
        var hi = Math.Truncate(y * 16.0) / 16.0;
        var del = (y - hi) * (y + hi);
        return Math.Exp(-0.5 * hi * hi) * Math.Exp(-0.5 * del);
    }

    private static double InverseLowerTail(double p)
    {
        var x = AcklamInitial.Lower(p);

        // One Halley step (third order) against the accurate CDF.
        var e = Cdf(x) - p;
        var u = e * Sqrt2Pi / Exp(Math.Abs(x));
        return x - (u / (1.0 + (0.5 * x * u)));
    }
}
