using System.Diagnostics;
using System.Globalization;

namespace Mesh.Benchmarks;

/// <summary>
/// <c>--cross-silo-latency</c>: per-call latency percentiles of grain-to-grain calls from silo A to a grain on silo B
/// (two Mesh.TestSilo processes, PostgreSQL clustering, loopback), idle and while other grains on A call B.
/// </summary>
internal static class CrossSiloLatencyProbe
{
    public static async Task RunAsync(ProbeReport report, int calls, int loadCallers, CancellationToken cancellationToken)
    {
        await using var pair = await CrossSiloPair.StartAsync("latency", 1 + loadCallers, cancellationToken);
        var relay = pair.Relays[0];
        var target = pair.RemoteTargets[0];
        await CallLatency.MeasureAsync(relay, target, calls / 10, cancellationToken);
        var idle = await CallLatency.MeasureAsync(relay, target, calls, cancellationToken);

        await CallLatency.MeasureAsync(relay, pair.LocalTarget, calls / 10, cancellationToken);
        var local = await CallLatency.MeasureAsync(relay, pair.LocalTarget, calls, cancellationToken);

        var clock = Stopwatch.StartNew();
        var meter = CpuMeter.Start(pair.Silos[0].Pid, pair.Silos[1].Pid);
        await Task.WhenAll(Enumerable.Range(1, loadCallers).Select(i => pair.Relays[i].StartLoad(pair.RemoteTargets[i])));
        var loaded = await CallLatency.MeasureAsync(relay, target, calls, cancellationToken);
        var loadCalls = (await Task.WhenAll(Enumerable.Range(1, loadCallers).Select(i => pair.Relays[i].StopLoad()))).Sum();
        var load = LocalLatencyProbe.Throughput(loadCalls, clock.Elapsed);
        var cost = meter.Describe(loadCalls + calls, "the two silo processes together");
        await pair.VerifyPlacementAsync();

        report.Line("Two silo processes (Mesh.TestSilo: the production host, with its OpenTelemetry tracing of Orleans' sources on and no exporter),");
        report.Line("PostgreSQL clustering, TCP on loopback; this process only starts the measurements. Caller: a grain on silo A; callee: a grain");
        report.Line($"activated on silo B (checked). Every call awaited before the next; {calls:N0} calls per row after {calls / 10:N0} warm-up calls.");
        report.Line("Both silos, PostgreSQL and this process share the machine's cores.");
        report.Line();
        report.Line(CallLatency.Header);
        report.Line(CallLatency.Row("grain on A → grain on B, otherwise idle", idle, "0"));
        report.Line(CallLatency.Row($"same, while {loadCallers} other grains on A call {loadCallers} other grains on B ({load})", loaded, "0"));
        report.Line(CallLatency.Row("reference: grain on A → grain on A", local, "0.0"));
        report.Line();
        report.Line($"CPU cost of cross-silo calls, over the loaded row (the {loadCallers} load callers plus the measured one, all A → B): {cost}.");
    }
}
