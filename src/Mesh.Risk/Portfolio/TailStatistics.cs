namespace Mesh.Risk.Portfolio;

/// <summary>VaR / ES from a loss sample, with standard errors from independent contiguous batches.</summary>
internal static class TailStatistics
{
    internal static VarResult Measure(double[] losses, int batches)
    {
        var n = losses.Length;
        var mean = -losses.Average();

        // Batch means: contiguous batches keep antithetic pairs together (batch size is rounded to even).
        var size = n / batches / 2 * 2;
        var stats = new double[batches, 4];
        for (var b = 0; b < batches; b++)
        {
            var chunk = losses.AsSpan(b * size, size).ToArray();
            Array.Sort(chunk);
            (stats[b, 0], stats[b, 2]) = Tail(chunk, 0.95);
            (stats[b, 1], stats[b, 3]) = Tail(chunk, 0.99);
        }

        var sorted = (double[])losses.Clone();
        Array.Sort(sorted);
        var (var95, es95) = Tail(sorted, 0.95);
        var (var99, es99) = Tail(sorted, 0.99);

        // The full-sample estimator's variance is about the batch estimator's variance divided by the batch count.
        double StdError(int column)
        {
            var avg = 0.0;
            for (var b = 0; b < batches; b++)
            {
                avg += stats[b, column] / batches;
            }

            var ss = 0.0;
            for (var b = 0; b < batches; b++)
            {
                ss += (stats[b, column] - avg) * (stats[b, column] - avg);
            }

            return Math.Sqrt(ss / (batches - 1) / batches);
        }

        return new VarResult(var95, var99, es95, es99, StdError(0), StdError(1), StdError(2), StdError(3), mean, n);
    }

    /// <summary>VaR as the ⌈αn⌉-th smallest loss; ES as the mean of the ⌊(1−α)n⌋ largest losses.</summary>
    private static (double Var, double Es) Tail(double[] sortedLosses, double alpha)
    {
        var n = sortedLosses.Length;
        var index = Math.Min((int)Math.Ceiling(alpha * n) - 1, n - 1);
        var tailCount = Math.Max(n - index - 1, 1);
        var sum = 0.0;
        for (var i = n - tailCount; i < n; i++)
        {
            sum += sortedLosses[i];
        }

        return (sortedLosses[index], sum / tailCount);
    }
}
