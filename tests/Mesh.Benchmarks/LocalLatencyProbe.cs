using System.Diagnostics;
using System.Globalization;
using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// <c>--latency</c>: per-call latency percentiles of local calls in one in-process silo (SQLite single node, stateless
/// grains), from a non-grain caller in the silo process and from a grain, idle and while other callers load the silo.
/// </summary>
internal static class LocalLatencyProbe
{
    public static async Task RunAsync(ProbeReport report, int calls, int loadCallers, CancellationToken cancellationToken)
    {
        await using var silo = await InProcessSilo.StartSqliteAsync(cancellationToken);
        var grains = silo.GrainFactory;

        var grain = grains.GetGrain<IBenchPingGrain>("latency");
        await CallLatency.MeasureAsync(grain, calls / 10, cancellationToken);
        var idle = await CallLatency.MeasureAsync(grain, calls, cancellationToken);
        var (loaded, callerLoad) = await WithCallerLoadAsync(grains, loadCallers, () => CallLatency.MeasureAsync(grain, calls, cancellationToken));

        var relay = grains.GetGrain<IBenchRelayGrain>("latency-relay");
        const string target = "latency-relay-target";
        await CallLatency.MeasureAsync(relay, target, calls / 10, cancellationToken);
        var grainIdle = await CallLatency.MeasureAsync(relay, target, calls, cancellationToken);
        var (grainLoaded, grainLoad) = await WithRelayLoadAsync(grains, loadCallers, () => CallLatency.MeasureAsync(relay, target, calls, cancellationToken));

        var throughput = await ThroughputAsync(grains, callers: 64, callsPerCaller: 20_000);

        report.Line($"Every call awaited before the next, timed one by one; {calls:N0} calls per row after {calls / 10:N0} warm-up calls.");
        report.Line($"Load: {loadCallers} other callers, each calling its own grain in a loop as fast as it can.");
        report.Line();
        report.Line(CallLatency.Header);
        report.Line(CallLatency.Row("non-grain caller in the silo process (silo host's IGrainFactory), idle silo", idle, "0.00"));
        report.Line(CallLatency.Row($"same, under load ({callerLoad})", loaded, "0.00"));
        report.Line(CallLatency.Row("grain calling a grain on the same silo, idle silo", grainIdle, "0.00"));
        report.Line(CallLatency.Row($"same, under load from {loadCallers} grains ({grainLoad})", grainLoaded, "0.00"));
        report.Line();
        report.Line($"Throughput and its CPU cost, 64 non-grain callers on 64 grains (as `LocalCallBenchmarks.ManyCallersManyGrains`): {throughput}.");
    }

    /// <summary>Many callers, each calling its own grain in a loop; returns the rate and the CPU this process spent per call.</summary>
    private static async Task<string> ThroughputAsync(IGrainFactory grains, int callers, int callsPerCaller)
    {
        var targets = Enumerable.Range(0, callers).Select(i => grains.GetGrain<IBenchPingGrain>($"latency-throughput-{i}")).ToArray();
        await Task.WhenAll(targets.Select(g => g.Ping(0)));
        var meter = CpuMeter.Start(Environment.ProcessId);
        await Task.WhenAll(targets.Select(g => Task.Run(async () =>
        {
            for (var i = 0; i < callsPerCaller; i++)
            {
                await g.Ping(i);
            }
        })));
        return meter.Describe((long)callers * callsPerCaller, "this process (callers and silo)");
    }

    /// <summary>Runs <paramref name="measure"/> while non-grain callers hammer other grains; returns the load's throughput.</summary>
    private static async Task<(double[] Samples, string Load)> WithCallerLoadAsync(IGrainFactory grains, int callers, Func<Task<double[]>> measure)
    {
        var loadGrains = Enumerable.Range(0, callers).Select(i => grains.GetGrain<IBenchPingGrain>($"latency-load-{i}")).ToArray();
        await Task.WhenAll(loadGrains.Select(g => g.Ping(0)));
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var load = loadGrains.Select(g => Task.Run(async () =>
        {
            long made = 0;
            while (!stop.IsCancellationRequested)
            {
                await g.Ping(1);
                made++;
            }

            return made;
        })).ToArray();
        var samples = await Task.Run(measure);
        await stop.CancelAsync();
        var loadCalls = (await Task.WhenAll(load)).Sum();
        return (samples, Throughput(loadCalls, clock.Elapsed));
    }

    /// <summary>Runs <paramref name="measure"/> while relay grains call other grains in a loop; returns the load's throughput.</summary>
    private static async Task<(double[] Samples, string Load)> WithRelayLoadAsync(IGrainFactory grains, int callers, Func<Task<double[]>> measure)
    {
        var relays = Enumerable.Range(0, callers).Select(i => grains.GetGrain<IBenchRelayGrain>($"latency-load-relay-{i}")).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(relays.Select((r, i) => r.StartLoad($"latency-load-relay-target-{i}")));
        var samples = await measure();
        var loadCalls = (await Task.WhenAll(relays.Select(r => r.StopLoad()))).Sum();
        return (samples, Throughput(loadCalls, clock.Elapsed));
    }

    internal static string Throughput(long calls, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"load made {calls / elapsed.TotalSeconds:N0} calls/s");
}
