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
        await CallLatency.MeasureAsync(grain, calls / 10);
        var idle = await CallLatency.MeasureAsync(grain, calls);

        var load = Enumerable.Range(0, loadCallers).Select(i => silo.GrainFactory.GetGrain<IPingGrain>("load" + i)).ToArray();
        using var stop = new CancellationTokenSource();
        var background = load.Select(g => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await g.Ping(1);
            }
        })).ToArray();
        var loaded = await Task.Run(() => CallLatency.MeasureAsync(grain, calls));
        await stop.CancelAsync();
        await Task.WhenAll(background);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Per-call latency of a local grain call (`IPingGrain.Ping`, awaited, non-grain caller), {calls:N0} calls each.");
        report.AppendLine(CallLatency.Machine());
        report.AppendLine();
        report.AppendLine(CallLatency.Header);
        report.AppendLine(CallLatency.Row("one caller, idle silo", idle, "0.00"));
        report.AppendLine(CallLatency.Row($"one caller while {loadCallers} other callers hammer {loadCallers} other grains", loaded, "0.00"));
        return report.ToString();
    }
}
