using System.Diagnostics;
using System.Globalization;
using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// Per-call latencies (every call timed with <see cref="Stopwatch.GetTimestamp"/>, about 20 ns of overhead) and
/// their percentiles as a markdown row.
/// </summary>
internal static class CallLatency
{
    public const string Header = "| scenario | calls | mean | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|---|";

    /// <summary>The largest batch one relay call measures, so that no outer call runs near a response timeout.</summary>
    private const int RelayChunk = 50_000;

    /// <summary>Awaited calls one after another from this (non-grain) caller; latencies in µs.</summary>
    public static async Task<double[]> MeasureAsync(IBenchPingGrain grain, int calls, CancellationToken cancellationToken)
    {
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            await grain.Ping(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return samples;
    }

    /// <summary>Awaited calls one after another from <paramref name="relay"/> (a grain) to the ping grain <paramref name="targetKey"/>; latencies in µs.</summary>
    public static async Task<double[]> MeasureAsync(IBenchRelayGrain relay, string targetKey, int calls, CancellationToken cancellationToken)
    {
        var samples = new List<double>(calls);
        while (samples.Count < calls)
        {
            samples.AddRange(await relay.Measure(targetKey, Math.Min(RelayChunk, calls - samples.Count), cancellationToken));
        }

        return [.. samples];
    }

    /// <summary>Formats the mean, p50, p90, p99, p99.9 and max in µs with <paramref name="format"/> (e.g. <c>0.00</c>).</summary>
    public static string Row(string scenario, double[] samples, string format)
    {
        var sorted = samples.Order().ToArray();
        string F(double microseconds) => microseconds.ToString(format, CultureInfo.InvariantCulture) + " µs";
        return string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {sorted.Length:N0} | {F(sorted.Average())} | {F(P(sorted, 0.50))} | {F(P(sorted, 0.90))} | {F(P(sorted, 0.99))} | {F(P(sorted, 0.999))} | {F(sorted[^1])} |");
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
