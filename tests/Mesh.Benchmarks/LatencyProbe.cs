using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>
/// Per-call latency distribution (p50/p99/p99.9) of local grain calls, which BenchmarkDotNet's per-iteration
/// statistics do not give: every call is timed with <see cref="Stopwatch.GetTimestamp"/> (about 20 ns of overhead).
/// </summary>
internal static class LatencyProbe
{
    public static async Task<string> RunAsync(int calls, int loadCallers)
    {
        await using var silo = await BenchmarkSilo.StartSqliteAsync();
        var grain = silo.GrainFactory.GetGrain<IPingGrain>("latency");
        await grain.Ping(0);
        await Measure(grain, calls / 10);
        var idle = await Measure(grain, calls);

        var load = Enumerable.Range(0, loadCallers).Select(i => silo.GrainFactory.GetGrain<IPingGrain>("load" + i)).ToArray();
        using var stop = new CancellationTokenSource();
        var background = load.Select(g => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await g.Ping(1);
            }
        })).ToArray();
        var loaded = await Task.Run(() => Measure(grain, calls));
        await stop.CancelAsync();
        await Task.WhenAll(background);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Per-call latency of a local grain call (`IPingGrain.Ping`, awaited, non-grain caller), {calls:N0} calls each.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformationLine()}");
        report.AppendLine();
        report.AppendLine("| scenario | p50 | p90 | p99 | p99.9 | max |");
        report.AppendLine("|---|---|---|---|---|---|");
        report.AppendLine(Row("one caller, idle silo", idle));
        report.AppendLine(Row($"one caller while {loadCallers} other callers hammer {loadCallers} other grains", loaded));
        return report.ToString();
    }

    private static async Task<double[]> Measure(IPingGrain grain, int calls)
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

    private static string Row(string name, double[] sorted) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {P(sorted, 0.50):0.00} µs | {P(sorted, 0.90):0.00} µs | {P(sorted, 0.99):0.00} µs | {P(sorted, 0.999):0.00} µs | {sorted[^1]:0.0} µs |");

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    private static string RuntimeInformationLine() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
}
