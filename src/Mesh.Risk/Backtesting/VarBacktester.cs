using Mesh.Risk.Var;

namespace Mesh.Risk.Backtesting;

/// <summary>
/// Rolling-window VaR backtest without look-ahead: the forecast for day t is made from the
/// <see cref="VarBacktestOptions.EstimationWindow"/> returns before t only, with parameters estimated on such a
/// window at most <see cref="VarBacktestOptions.RefitInterval"/> − 1 days earlier; day t is an exception when its
/// return is below ln(1 − VaRₜ), i.e. its loss fraction exceeds VaRₜ.
/// </summary>
public static class VarBacktester
{
    /// <summary>Runs the backtest of <paramref name="model"/> on <paramref name="logReturns"/>.</summary>
    /// <param name="logReturns">Daily log returns, oldest first; more than the estimation window.</param>
    /// <param name="model">The VaR model.</param>
    /// <param name="options">The settings; defaults when null.</param>
    /// <returns>The exceptions and the Kupiec and Christoffersen tests.</returns>
    /// <exception cref="ArgumentException">The series is not longer than the estimation window.</exception>
    public static VarBacktestResult Run(ReadOnlySpan<double> logReturns, IVarModel model, VarBacktestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new VarBacktestOptions();
        options.Validate();
        var window = options.EstimationWindow;
        if (logReturns.Length <= window)
        {
            throw new ArgumentException($"More than {window} returns are needed for a backtest with that window.", nameof(logReturns));
        }

        var days = logReturns.Length - window;
        var flags = new bool[days];
        var forecasts = new double[days];
        IFittedVarModel? fitted = null;
        var exceptions = 0;
        for (var i = 0; i < days; i++)
        {
            var history = logReturns.Slice(i, window);
            if (i % options.RefitInterval == 0)
            {
                fitted = model.Fit(history);
            }

            var forecast = fitted!.Forecast(history, options.Confidence);
            forecasts[i] = forecast;
            flags[i] = logReturns[window + i] < Math.Log(1.0 - forecast);
            exceptions += flags[i] ? 1 : 0;
        }

        var rate = 1.0 - options.Confidence;
        return new VarBacktestResult(
            model.Name,
            days,
            exceptions,
            days * rate,
            flags,
            forecasts,
            KupiecTest.ProportionOfFailures(days, exceptions, rate),
            ChristoffersenTest.Independence(flags),
            ChristoffersenTest.ConditionalCoverage(flags, rate),
            options.Significance);
    }
}
