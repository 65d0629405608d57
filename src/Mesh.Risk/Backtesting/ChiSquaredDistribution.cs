namespace Mesh.Risk.Backtesting;

/// <summary>The chi-square distribution with k degrees of freedom: F(x) = P(k/2, x/2).</summary>
public static class ChiSquaredDistribution
{
    /// <summary>The cumulative distribution P(X ≤ x).</summary>
    /// <param name="x">The point (values ≤ 0 give 0).</param>
    /// <param name="degreesOfFreedom">k &gt; 0.</param>
    /// <returns>F(x).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not positive.</exception>
    public static double Cdf(double x, double degreesOfFreedom)
    {
        Validate(degreesOfFreedom);
        return double.IsNaN(x) ? double.NaN : SpecialFunctions.RegularizedGammaP(0.5 * degreesOfFreedom, 0.5 * x);
    }

    /// <summary>The upper tail P(X &gt; x): the p-value of a likelihood-ratio statistic x.</summary>
    /// <param name="x">The statistic (values ≤ 0 give 1).</param>
    /// <param name="degreesOfFreedom">k &gt; 0.</param>
    /// <returns>1 − F(x), computed directly so that small p-values keep their relative accuracy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not positive.</exception>
    public static double UpperTail(double x, double degreesOfFreedom)
    {
        Validate(degreesOfFreedom);
        return double.IsNaN(x) ? double.NaN : SpecialFunctions.RegularizedGammaQ(0.5 * degreesOfFreedom, 0.5 * x);
    }

    private static void Validate(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0.0) || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be finite and positive.");
        }
    }
}
