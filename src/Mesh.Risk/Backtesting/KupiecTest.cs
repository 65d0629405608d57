namespace Mesh.Risk.Backtesting;

/// <summary>
/// Kupiec's (1995) proportion-of-failures test of unconditional coverage: is the observed exception rate x/n
/// consistent with the rate p the VaR level promises?
/// </summary>
/// <remarks>
/// LR_POF = −2 ln[(1 − p)^(n−x) p^x] + 2 ln[(1 − x/n)^(n−x) (x/n)^x], asymptotically χ² with one degree of freedom
/// under the null (0 · ln 0 is taken as 0).
/// </remarks>
public static class KupiecTest
{
    /// <summary>Runs the proportion-of-failures test.</summary>
    /// <param name="observations">n ≥ 1, the number of forecast days.</param>
    /// <param name="exceptions">x in [0, n], the days whose loss exceeded the VaR.</param>
    /// <param name="expectedRate">p in (0, 1), one minus the VaR confidence (0.01 for 99% VaR).</param>
    /// <returns>The statistic and its p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its domain.</exception>
    public static CoverageTestResult ProportionOfFailures(int observations, int exceptions, double expectedRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exceptions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exceptions, observations);
        ValidateRate(expectedRate);

        var n = (double)observations;
        var x = (double)exceptions;
        var observed = x / n;
        var nullLogLikelihood = BernoulliLogLikelihood(n - x, x, expectedRate);
        var fittedLogLikelihood = BernoulliLogLikelihood(n - x, x, observed);
        var statistic = Math.Max(0.0, -2.0 * (nullLogLikelihood - fittedLogLikelihood));
        return new CoverageTestResult(statistic, 1, ChiSquaredDistribution.UpperTail(statistic, 1));
    }

    /// <summary>(n − x) ln(1 − π) + x ln π with 0 · ln 0 = 0.</summary>
    internal static double BernoulliLogLikelihood(double nonExceptions, double exceptions, double probability) =>
        XLogY(nonExceptions, 1.0 - probability) + XLogY(exceptions, probability);

    internal static void ValidateRate(double expectedRate)
    {
        if (!(expectedRate > 0.0 && expectedRate < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedRate), expectedRate, "The expected exception rate must be in (0, 1).");
        }
    }

    private static double XLogY(double x, double y) => x == 0.0 ? 0.0 : x * Math.Log(y);
}
