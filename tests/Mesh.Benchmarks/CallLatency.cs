using System.Diagnostics;
using System.Globalization;

namespace Mesh.Benchmarks;

/// <summary>Times awaited grain calls one by one and formats their percentiles as a markdown table row.</summary>
internal static class CallLatency
{
    public const string Header = "| scenario | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|";

    /// <summary>Returns the sorted per-call latencies in microseconds.</summary>
    public static async Task<double[]> MeasureAsync(IPingGrain grain, int calls)
    {
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await grain.Ping(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    /// <summary>Formats p50, p90, p99, p99.9 and max with <paramref name="format"/> (e.g. <c>0.00</c>), in µs.</summary>
    public static string Row(string scenario, double[] sorted, string format)
    {
        string F(double microseconds) => microseconds.ToString(format, CultureInfo.InvariantCulture) + " µs";
        return $"| {scenario} | {F(P(sorted, 0.50))} | {F(P(sorted, 0.90))} | {F(P(sorted, 0.99))} | {F(P(sorted, 0.999))} | {F(sorted[^1])} |";
    }

    public static string Machine() =>
        $"Machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
