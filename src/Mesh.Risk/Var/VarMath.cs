using Mesh.Risk.Volatility;

namespace Mesh.Risk.Var;

/// <summary>Validation and the small computations the VaR models share.</summary>
internal static class VarMath
{
    /// <summary>Throws unless 0.5 &lt; confidence &lt; 1.</summary>
    internal static void ValidateConfidence(double confidence)
    {
        if (!(confidence > 0.5 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "VaR confidence must be in (0.5, 1).");
        }
    }

    /// <summary>Throws unless there are at least <paramref name="minimum"/> returns, all finite.</summary>
    internal static void ValidateReturns(ReadOnlySpan<double> logReturns, int minimum)
    {
        if (logReturns.Length < minimum)
        {
            throw new ArgumentException($"At least {minimum} daily log returns are required.", nameof(logReturns));
        }

        foreach (var r in logReturns)
        {
            if (!double.IsFinite(r))
            {
                throw new ArgumentException("Log returns must be finite.", nameof(logReturns));
            }
        }
    }

    /// <summary>The loss fraction 1 − e^q of a log-return quantile q (0 when q ≥ 0).</summary>
    internal static double LossFraction(double logReturnQuantile) => Math.Max(0.0, 1.0 - Math.Exp(logReturnQuantile));

    /// <summary>The mean squared return, the seed of every variance filter here.</summary>
    internal static double MeanSquare(ReadOnlySpan<double> logReturns)
    {
        var sum = 0.0;
        foreach (var r in logReturns)
        {
            sum += r * r;
        }

        return sum / logReturns.Length;
    }

    /// <summary>
    /// Runs the GARCH variance filter over the returns, seeded with their mean square; writes σ²ₜ for each return
    /// into <paramref name="variances"/> when it is not empty, and returns the variance for the next day.
    /// </summary>
    internal static double FilterGarch(Garch11 model, ReadOnlySpan<double> logReturns, Span<double> variances)
    {
        var variance = MeanSquare(logReturns);
        for (var t = 0; t < logReturns.Length; t++)
        {
            if (!variances.IsEmpty)
            {
                variances[t] = variance;
            }

            variance = model.UpdateVariance(variance, logReturns[t]);
        }

        return variance;
    }

    /// <summary>The empirical quantile of a sorted sample by linear interpolation between order statistics (type 7).</summary>
    internal static double SortedQuantile(ReadOnlySpan<double> sorted, double probability)
    {
        var h = (sorted.Length - 1) * probability;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }
}
