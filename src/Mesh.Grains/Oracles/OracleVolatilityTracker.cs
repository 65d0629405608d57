using System.Globalization;
using Mesh.Risk.Volatility;

namespace Mesh.Grains.Oracles;

/// <summary>
/// Samples the aggregate once per return interval into a bounded list of log returns, keeps the EWMA variance,
/// refits GARCH(1,1) on a cadence (falling back to EWMA when a fit is not usable) and classifies the regime.
/// </summary>
internal sealed class OracleVolatilityTracker(OracleOptions options, OracleVolatilityState state)
{
    /// <summary>The largest persistence accepted from a fit; closer to 1 has no usable long-run level.</summary>
    internal const double MaxPersistence = 0.999;

    /// <summary>Samples the aggregate if a return interval has passed since the latest sample.</summary>
    /// <param name="price">The aggregate mantissa (positive).</param>
    /// <param name="now">The current time.</param>
    public void Record(long price, DateTimeOffset now)
    {
        if (state.LastSampleAt is not { } last)
        {
            state.LastSampleAt = now;
            state.LastSamplePrice = price;
            return;
        }

        var intervals = (now - last).Ticks / options.ReturnInterval.Ticks;
        if (intervals < 1)
        {
            return;
        }

        // A gap of k intervals has k times the variance of one: scale it back to a per-interval return.
        var r = Math.Log((double)price / state.LastSamplePrice) / Math.Sqrt(intervals);
        state.LastSampleAt = last + (options.ReturnInterval * intervals);
        state.LastSamplePrice = price;
        state.Returns.Add(r);
        if (state.Returns.Count > options.MaxReturns)
        {
            state.Returns.RemoveRange(0, state.Returns.Count - options.MaxReturns);
        }

        state.TotalReturns++;
        state.EwmaVariance = state.TotalReturns <= options.MinReturnsForEwma
            ? state.Returns.Average(x => x * x)
            : Ewma.UpdateVariance(state.EwmaVariance, r, options.EwmaLambda);
        if (state.Garch is { } garch)
        {
            garch.Variance = Model(garch).UpdateVariance(garch.Variance, r);
        }

        if (state.Returns.Count >= options.MinReturnsForGarch
            && (state.LastFitAttemptAt is not { } fitted || now - fitted >= options.GarchRefitInterval))
        {
            Refit(now);
        }
    }

    /// <summary>The estimates as a consumer sees them, annualised.</summary>
    /// <returns>The snapshot.</returns>
    public OracleVolatilitySnapshot Snapshot()
    {
        var perYear = options.ReturnsPerYear;
        var enough = state.TotalReturns >= options.MinReturnsForEwma && state.Returns.Count > 0;
        double? ewma = enough ? Math.Sqrt(state.EwmaVariance * perYear) : null;
        double? garchVol = null;
        double? longRun = enough ? Math.Sqrt(state.Returns.Average(x => x * x) * perYear) : null;
        if (state.Garch is { } garch)
        {
            var model = Model(garch);
            garchVol = model.TermVolatility(garch.Variance, options.HorizonReturns, perYear);
            longRun = Math.Sqrt(model.LongRunVariance * perYear);
        }

        var status = state.Garch is not null ? OracleGarchStatus.Fitted
            : state.GarchFallbackReason is not null ? OracleGarchStatus.FallbackToEwma
            : OracleGarchStatus.NotEnoughHistory;
        VolatilityRegime? regime = null;
        if (ewma is { } e && longRun is { } l)
        {
            var forecast = Math.Max(e, garchVol ?? 0.0);
            regime = OracleRegime.Of(forecast, l, options.Regime);
        }

        return new OracleVolatilitySnapshot(state.Returns.Count, ewma, garchVol, garchVol ?? ewma, longRun, status, state.Garch is null ? state.GarchFallbackReason : null, regime);
    }

    private static Garch11 Model(OracleGarchState garch) => new(garch.Omega, garch.Alpha, garch.Beta);

    private void Refit(DateTimeOffset now)
    {
        state.LastFitAttemptAt = now;
        var returns = state.Returns.ToArray();
        string? problem;
        Garch11Fit? fit = null;
        if (returns.All(r => r == 0.0))
        {
            problem = "The returns have zero variance.";
        }
        else
        {
            fit = Garch11Estimator.Fit(returns);
            problem = !fit.Converged ? string.Create(CultureInfo.InvariantCulture, $"The fit did not converge in {fit.Iterations} iterations.")
                : fit.Model.Persistence > MaxPersistence ? string.Create(CultureInfo.InvariantCulture, $"The fit is near-integrated (α + β = {fit.Model.Persistence:0.#####}).")
                : !(double.IsFinite(fit.CurrentVariance) && fit.CurrentVariance > 0.0) ? "The fitted variance is not positive and finite."
                : null;
        }

        if (problem is not null || fit is null)
        {
            state.Garch = null;
            state.GarchFallbackReason = problem;
            return;
        }

        state.GarchFallbackReason = null;
        state.Garch = new OracleGarchState
        {
            Omega = fit.Model.Omega,
            Alpha = fit.Model.Alpha,
            Beta = fit.Model.Beta,
            Variance = fit.CurrentVariance,
            FittedAt = now,
            FittedOn = returns.Length,
        };
    }
}
