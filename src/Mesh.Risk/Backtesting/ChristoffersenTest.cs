namespace Mesh.Risk.Backtesting;

/// <summary>
/// Christoffersen's (1998) Markov tests: independence (does an exception today make one tomorrow more likely?) and
/// conditional coverage (independence and the right rate together).
/// </summary>
/// <remarks>
/// With π₀₁ = N01/(N00 + N01), π₁₁ = N11/(N10 + N11) and π = (N01 + N11)/(N00 + N01 + N10 + N11),
/// LR_ind = −2 ln[(1 − π)^(N00+N10) π^(N01+N11)] + 2 ln[(1 − π₀₁)^N00 π₀₁^N01 (1 − π₁₁)^N10 π₁₁^N11], asymptotically
/// χ²(1). LR_cc = LR_POF + LR_ind, asymptotically χ²(2); here LR_POF counts every day, the usual practical form of
/// Christoffersen's statistic (his exact form conditions on the first day).
/// </remarks>
public static class ChristoffersenTest
{
    /// <summary>The independence test of an exception sequence.</summary>
    /// <param name="exceptions">Exception flags, oldest first.</param>
    /// <returns>LR_ind and its p-value; statistic 0 and p-value 1 when fewer than two days are given.</returns>
    public static CoverageTestResult Independence(ReadOnlySpan<bool> exceptions) =>
        Independence(ExceptionTransitions.Count(exceptions));

    /// <summary>The independence test from transition counts.</summary>
    /// <param name="transitions">The consecutive-day transition counts.</param>
    /// <returns>LR_ind and its p-value.</returns>
    public static CoverageTestResult Independence(ExceptionTransitions transitions)
    {
        var (n00, n01, n10, n11) = ((double)transitions.N00, (double)transitions.N01, (double)transitions.N10, (double)transitions.N11);
        var total = n00 + n01 + n10 + n11;
        if (total == 0.0)
        {
            return new CoverageTestResult(0.0, 1, 1.0);
        }

        var pi = (n01 + n11) / total;
        var pi01 = n00 + n01 > 0.0 ? n01 / (n00 + n01) : 0.0;
        var pi11 = n10 + n11 > 0.0 ? n11 / (n10 + n11) : 0.0;
        var restricted = KupiecTest.BernoulliLogLikelihood(n00 + n10, n01 + n11, pi);
        var markov = KupiecTest.BernoulliLogLikelihood(n00, n01, pi01) + KupiecTest.BernoulliLogLikelihood(n10, n11, pi11);
        var statistic = Math.Max(0.0, -2.0 * (restricted - markov));
        return new CoverageTestResult(statistic, 1, ChiSquaredDistribution.UpperTail(statistic, 1));
    }

    /// <summary>The conditional-coverage test LR_cc = LR_POF + LR_ind.</summary>
    /// <param name="exceptions">Exception flags, oldest first (at least one).</param>
    /// <param name="expectedRate">p in (0, 1), one minus the VaR confidence.</param>
    /// <returns>LR_cc and its two-degree-of-freedom p-value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is empty or the rate is out of (0, 1).</exception>
    public static CoverageTestResult ConditionalCoverage(ReadOnlySpan<bool> exceptions, double expectedRate)
    {
        var count = 0;
        foreach (var exception in exceptions)
        {
            count += exception ? 1 : 0;
        }

        var pof = KupiecTest.ProportionOfFailures(exceptions.Length, count, expectedRate);
        var statistic = pof.Statistic + Independence(exceptions).Statistic;
        return new CoverageTestResult(statistic, 2, ChiSquaredDistribution.UpperTail(statistic, 2));
    }
}
