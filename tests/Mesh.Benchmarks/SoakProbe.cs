using System.Diagnostics;
using System.Globalization;
using Mesh.Silo.Hosting;
using Npgsql;

namespace Mesh.Benchmarks;

/// <summary>
/// <c>--soak</c>: three Mesh.TestSilo processes with the default membership settings, for <c>minutes</c>, under a
/// client's write load, back-to-back forced full collections in every silo and one spinning thread per core in this
/// process. It passes if no silo was ever voted dead or left Active, none exited, no call failed for good, and every
/// counter holds exactly its acknowledged additions: a failure detector that mistakes a busy silo for a dead one fails it.
/// </summary>
internal static class SoakProbe
{
    private const int Grains = 300;

    public static async Task<bool> RunAsync(ProbeReport report, double minutes, int callers, int retainedMegabytes, int garbageMegabytes, IReadOnlyList<string> siloSettings, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromMinutes(minutes);
        await using var cluster = await SiloCluster.StartAsync(3, siloSettings, cancellationToken);
        await using var client = await BenchClient.ConnectAsync([.. cluster.Silos.Select(s => s.GatewayPort)], TimeSpan.FromSeconds(30), cancellationToken);
        var load = new SoakLoad(client.Client, callers, Grains);
        var clock = Stopwatch.StartNew();
        while (load.Acknowledged < 500)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || load.GaveUp is not null)
            {
                throw new InvalidOperationException("The load did not warm up.", load.GaveUp);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        var votes = new Dictionary<string, TimeSpan>();
        var notActive = new Dictionary<string, TimeSpan>();
        var loadAverages = new List<string>();
        var exited = new List<string>();
        var acknowledgedBefore = load.Acknowledged;
        var soak = Stopwatch.StartNew();
        var pressure = await SoakPressure.StartAsync(cluster.Silos, retainedMegabytes, garbageMegabytes, cancellationToken);
        await using (pressure)
        {
            var nextMinute = TimeSpan.Zero;
            while (soak.Elapsed < duration && notActive.Count == 0 && exited.Count == 0 && load.GaveUp is null)
            {
                foreach (var (port, status, suspects) in await ReadTableAsync(cluster.ConnectionString, cancellationToken))
                {
                    foreach (var vote in (suspects ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
                    {
                        votes.TryAdd($":{port} {vote}", soak.Elapsed);
                    }

                    if (status != "Active")
                    {
                        notActive.TryAdd($":{port} {status}", soak.Elapsed);
                    }
                }

                exited.AddRange(cluster.Silos.Where(s => s.HasExited).Select(s => $":{s.SiloPort}"));
                if (soak.Elapsed >= nextMinute)
                {
                    loadAverages.Add(MachineInfo.LoadAverage().Split(' ')[0]);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak {soak.Elapsed.TotalMinutes:0.0} min: {load.Acknowledged - acknowledgedBefore} acknowledged, {votes.Count} votes, load {MachineInfo.LoadAverage()}"));
                    nextMinute += TimeSpan.FromMinutes(1);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }

        var soaked = soak.Elapsed;
        var acknowledgedDuring = load.Acknowledged - acknowledgedBefore;
        var wrong = exited.Count == 0 && notActive.Count == 0 ? await load.StopAndCheckAsync() : ["not checked: a silo was lost"];
        var passed = votes.Count == 0 && notActive.Count == 0 && exited.Count == 0 && load.GaveUp is null && pressure.Failures.Count == 0 && wrong.Count == 0;

        report.Line(string.Create(CultureInfo.InvariantCulture, $"**{(passed ? "PASSED" : "FAILED")}** after {soaked.TotalMinutes:0.0} of {minutes:0.#} minutes."));
        report.Line();
        report.Line($"Three Mesh.TestSilo processes (the production host with the test grains), PostgreSQL clustering and storage, silo settings:");
        report.Line(siloSettings.Count == 0 ? "the defaults." : "the defaults plus `" + string.Join(' ', siloSettings) + "`.");
        report.Line($"Load: {callers} callers adding to {Grains} durable counters through all three gateways (one committed write each, retried with");
        report.Line("the same operation id until acknowledged, given up after 60 s). Pressure, all the time: in every silo a `PressureGrain` retaining");
        report.Line($"about {retainedMegabytes} MB of small objects, allocating about {garbageMegabytes} MB of garbage per call and forcing a blocking, compacting full");
        report.Line($"collection, called back to back; in this process {Environment.ProcessorCount} threads spinning (one per core).");
        report.Line();
        report.Line("| check | result |");
        report.Line("|---|---|");
        report.Line(string.Create(CultureInfo.InvariantCulture, $"| additions acknowledged during the soak | {acknowledgedDuring:N0} ({acknowledgedDuring / soaked.TotalSeconds:0} /s); slowest from first attempt to acknowledgement {load.Slowest.TotalSeconds:0.00} s |"));
        report.Line($"| failed attempts (each retried) | {(load.Failures.Count == 0 ? "none" : string.Join(", ", load.Failures.Select(f => $"{f.Value} × {f.Key}")))} |");
        report.Line($"| an addition given up | {(load.GaveUp is null ? "none" : load.GaveUp.Message)} |");
        report.Line($"| counters not holding exactly their acknowledged additions | {(wrong.Count == 0 ? "none" : string.Join("; ", wrong.Take(5)))} |");
        report.Line($"| death votes (suspicions) in the membership table | {(votes.Count == 0 ? "none" : string.Join("; ", votes.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} at {v.Value.TotalSeconds:0.0} s"))))} |");
        report.Line($"| silos not Active | {(notActive.Count == 0 ? "none" : string.Join("; ", notActive.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} at {v.Value.TotalSeconds:0.0} s"))))} |");
        report.Line($"| silo processes exited | {(exited.Count == 0 ? "none" : string.Join(", ", exited.Distinct()))} |");
        report.Line($"| pressure calls failed | {(pressure.Failures.Count == 0 ? "none" : string.Join("; ", pressure.Failures))} |");
        foreach (var (port, s) in pressure.BySilo.OrderBy(p => p.Key))
        {
            report.Line(string.Create(CultureInfo.InvariantCulture, $"| silo :{port} collections | {s.Calls:N0} forced full collections; most GC pause time in one call {s.MaxPause.TotalMilliseconds:0} ms; paused {s.TotalPause.TotalSeconds:0} s in all ({s.TotalPause / soaked:P0} of the time) |"));
        }

        report.Line($"| 1-minute load average, sampled each minute | {string.Join(", ", loadAverages)} |");
        report.Line();
        var membership = new MeshOrleansOptions().Membership;
        report.Line(string.Create(CultureInfo.InvariantCulture, $"Membership defaults (`MeshOrleansOptions.TunedMembership()`; `--silo-settings` above override them): ProbeTimeout {membership.ProbeTimeout.TotalSeconds:0.###} s, MinProbeTimeout {membership.MinProbeTimeout.TotalSeconds:0.###} s, MaxProbeTimeout {membership.MaxProbeTimeout.TotalSeconds:0.###} s, NumMissedProbesLimit {membership.NumMissedProbesLimit}, NumVotesForDeathDeclaration {membership.NumVotesForDeathDeclaration}, EnableIndirectProbes {membership.EnableIndirectProbes}, ExtendProbeTimeoutDuringDegradation {membership.ExtendProbeTimeoutDuringDegradation}, EnableConnectionLivenessCheck {membership.EnableConnectionLivenessCheck}, TableRefreshTimeout {membership.TableRefreshTimeout.TotalSeconds:0.###} s."));
        return passed;
    }

    private static async Task<List<(int Port, string Status, string? Suspects)>> ReadTableAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT port, status_name, suspect_times FROM mesh_cluster_silos", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(int, string, string?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
