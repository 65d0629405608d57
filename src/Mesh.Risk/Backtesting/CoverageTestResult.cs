namespace Mesh.Risk.Backtesting;

/// <summary>A likelihood-ratio backtest statistic and its asymptotic chi-square p-value.</summary>
/// <param name="Statistic">The likelihood-ratio statistic (≥ 0).</param>
/// <param name="DegreesOfFreedom">The chi-square degrees of freedom of its asymptotic distribution.</param>
/// <param name="PValue">P(χ² &gt; statistic): the probability of a statistic at least this large under the null.</param>
public sealed record CoverageTestResult(double Statistic, int DegreesOfFreedom, double PValue)
{
    /// <summary>Whether the model survives the test: the null is not rejected at <paramref name="significance"/>.</summary>
    /// <param name="significance">The test size, e.g. 0.05.</param>
    /// <returns><see langword="true"/> when <see cref="PValue"/> &gt; <paramref name="significance"/>.</returns>
    public bool Passes(double significance = 0.05) => PValue > significance;
}
