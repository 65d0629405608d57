namespace Mesh.Risk.Backtesting;

/// <summary>The outcome of a VaR backtest: the exception sequence and the coverage tests on it.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Observations">The number of forecast days n.</param>
/// <param name="Exceptions">The number of days whose loss exceeded that day's VaR.</param>
/// <param name="ExpectedExceptions">n · (1 − confidence).</param>
/// <param name="ExceptionFlags">Per forecast day, oldest first: whether it was an exception.</param>
/// <param name="Forecasts">Per forecast day, oldest first: the VaR forecast as a loss fraction.</param>
/// <param name="Kupiec">Kupiec's proportion-of-failures test.</param>
/// <param name="Independence">Christoffersen's independence test.</param>
/// <param name="ConditionalCoverage">Christoffersen's conditional-coverage test.</param>
/// <param name="Significance">The test size of <see cref="Passes"/>.</param>
public sealed record VarBacktestResult(
    string Model,
    int Observations,
    int Exceptions,
    double ExpectedExceptions,
    IReadOnlyList<bool> ExceptionFlags,
    IReadOnlyList<double> Forecasts,
    CoverageTestResult Kupiec,
    CoverageTestResult Independence,
    CoverageTestResult ConditionalCoverage,
    double Significance)
{
    /// <summary>Gets a value indicating whether the model passes both Kupiec's and Christoffersen's independence test.</summary>
    public bool Passes => Kupiec.Passes(Significance) && Independence.Passes(Significance);
}
