using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Mesh.Silo.Hosting;
using Mesh.TestGrains;
using Mesh.Testing;
using Npgsql;
using Orleans.Configuration;

namespace Mesh.Benchmarks;

/// <summary>
/// <c>--recovery</c>: three Mesh.TestSilo processes (PostgreSQL clustering and storage, the silo's default settings
/// unless <c>--silo-settings</c> adds some); one of them hosting <c>grains</c> durable counters is killed (SIGKILL)
/// or frozen (SIGSTOP), and a client connected to the two survivors' gateways times how long until the first and
/// until every counter answers again from a survivor, with its value intact. The membership table is polled too, to
/// tell failure detection apart from what follows it.
/// </summary>
internal static class RecoveryProbe
{
    /// <summary>How long one attempt may wait for its answer before the caller gives up on it and asks again.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The pause after a failed attempt.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>How often the membership table is read for the victim's status.</summary>
    private static readonly TimeSpan TablePollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>A grain that has not answered by then fails the probe.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private enum Fault
    {
        Kill,
        Freeze,
    }

    public static async Task RunAsync(ProbeReport report, int runs, int grains, IReadOnlyList<string> siloSettings, CancellationToken cancellationToken)
    {
        var results = new Dictionary<Fault, List<Recovery>>();
        foreach (var fault in new[] { Fault.Kill, Fault.Freeze })
        {
            results[fault] = [];
            for (var run = 0; run < runs; run++)
            {
                var recovery = await RunOnceAsync(fault, run, grains, siloSettings, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fault} run {run + 1}: declared dead {recovery.DeclaredDead:0.00} s, first {recovery.First:0.00} s, all {recovery.All:0.00} s; failed attempts: {recovery.Failures}"));
                results[fault].Add(recovery);
            }
        }

        report.Line($"{runs} runs per fault. Each run: a new cluster of 3 Mesh.TestSilo processes (the production host with the test grains) on");
        report.Line($"loopback, PostgreSQL clustering and grain storage; {grains} durable counters (`ICounterGrain`, each with one committed");
        report.Line("`Add`) activated on the victim silo; a client connected only to the two survivors' gateways. The clock starts just before the");
        report.Line("signal; each counter is then called (`Get`) until it answers from a survivor with its value intact. A caller gives up on an");
        report.Line(string.Create(CultureInfo.InvariantCulture, $"attempt after {AttemptTimeout.TotalMilliseconds:0} ms and waits {RetryDelay.TotalMilliseconds:0} ms after a failed one, so answer times are late by up to about {(AttemptTimeout + RetryDelay).TotalMilliseconds:0} ms."));
        report.Line(string.Create(CultureInfo.InvariantCulture, $"\"Declared dead\" is when the membership table (`mesh_cluster_silos`, read every {TablePollInterval.TotalMilliseconds:0} ms) first shows the victim Dead."));
        report.Line();
        report.Line("Silo settings: " + (siloSettings.Count == 0 ? "the defaults (nothing passed but storage, ports and name)." : "defaults plus `" + string.Join(' ', siloSettings) + "`."));
        report.Line();
        report.Line("| fault | measure | min | median | max |");
        report.Line("|---|---|---|---|---|");
        foreach (var (fault, runsOfFault) in results)
        {
            var name = fault == Fault.Kill ? "SIGKILL" : "SIGSTOP (frozen, sockets stay open)";
            report.Line(Stats(name, "victim declared dead in the membership table", runsOfFault.Select(r => r.DeclaredDead)));
            report.Line(Stats(name, "first counter answers from a survivor", runsOfFault.Select(r => r.First)));
            report.Line(Stats(name, $"all {grains} counters answer from survivors", runsOfFault.Select(r => r.All)));
        }

        report.Line();
        report.Line("Failed attempts before recovery, per run: " + string.Join("; ", results.SelectMany(p => p.Value.Select((r, i) => $"{p.Key} {i + 1}: {r.Failures}"))) + ".");
        report.Line();
        var orleans = new MeshOrleansOptions();
        var directory = Setting(siloSettings, "GrainDirectory") ?? orleans.GrainDirectory.ToString();
        var lease = Setting(siloSettings, "GrainDirectoryLeaseDuration") ?? Format(orleans.GrainDirectoryLeaseDuration);
        report.Line($"Grain directory in force: {directory} (`Mesh:Orleans:GrainDirectory`, default {orleans.GrainDirectory}). The Distributed directory's lease on the");
        report.Line($"grains of a silo that failed ungracefully (`Mesh:Orleans:GrainDirectoryLeaseDuration`, Orleans' `GrainDirectoryOptions.RangeLeaseDuration`):");
        report.Line($"{lease} (Mesh's default {Format(orleans.GrainDirectoryLeaseDuration)}; Orleans' own default {Format(new GrainDirectoryOptions().RangeLeaseDuration)}).");
        report.Line($"Grain call `ResponseTimeout`: {Format(orleans.ResponseTimeout)}.");
        report.Line();
        report.Line("Membership settings in force (the silo's defaults, `Mesh:Orleans:Membership`, i.e. `MeshOrleansOptions.TunedMembership()` over Orleans' defaults):");
        report.Line();
        foreach (var setting in MembershipSettings())
        {
            report.Line($"- {setting}");
        }
    }

    private static async Task<Recovery> RunOnceAsync(Fault fault, int run, int grains, IReadOnlyList<string> siloSettings, CancellationToken cancellationToken)
    {
        await using var cluster = await SiloCluster.StartAsync(3, siloSettings, cancellationToken);
        var victim = cluster.Silos[2];
        var keys = await PlaceOnVictimAsync(victim, $"recovery-{fault}-{run}", grains, cancellationToken);
        await using var client = await BenchClient.ConnectAsync([cluster.Silos[0].GatewayPort, cluster.Silos[1].GatewayPort], TimeSpan.FromSeconds(30), cancellationToken);
        var counters = keys.Select(k => client.Client.GetGrain<ICounterGrain>(k)).ToArray();
        var before = await Task.WhenAll(counters.Select(c => c.Get()));
        if (!before.All(s => SiloCluster.IsAddressOf(victim, s.Silo) && s.Value == 1))
        {
            throw new InvalidOperationException("Through the survivors' gateways, the counters are not all on the victim with value 1.");
        }

        var failures = new ConcurrentDictionary<string, int>();
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.WriteLine($"{fault} run {run + 1}: signalling silo {victim.SiloPort} at {TimeProvider.System.GetUtcNow():HH:mm:ss.fff} UTC");
        var clock = Stopwatch.StartNew();
        var declaredDead = UntilDeclaredDeadAsync(cluster.ConnectionString, victim.SiloPort, clock, stopPolling.Token);
        if (fault == Fault.Kill)
        {
            await victim.KillAsync();
        }
        else
        {
            victim.Freeze();
        }

        var victimAnswers = new ConcurrentBag<double>();
        var times = await Task.WhenAll(counters.Select(c => UntilAnsweredAsync(c, victim, clock, failures, victimAnswers, cancellationToken)));
        var dead = await declaredDead;
        var summary = failures.IsEmpty ? "none" : string.Join(", ", failures.OrderByDescending(p => p.Value).Select(p => $"{p.Value} × {p.Key}"));
        if (!victimAnswers.IsEmpty)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" (the victim's answers came between {victimAnswers.Min():0.000} s and {victimAnswers.Max():0.000} s)");
        }
        return new Recovery(dead, times.Min(), times.Max(), summary);
    }

    /// <summary>Activates counters through the victim's gateway until <paramref name="count"/> of them live on it, and adds 1 to each.</summary>
    private static async Task<string[]> PlaceOnVictimAsync(SiloProcess victim, string prefix, int count, CancellationToken cancellationToken)
    {
        await using var client = await BenchClient.ConnectAsync(victim.GatewayPort, cancellationToken);
        var placed = new List<string>();
        for (var batch = 0; placed.Count < count; batch++)
        {
            if (batch >= 100)
            {
                throw new InvalidOperationException($"Only {placed.Count} of {count} counters were placed on the victim silo.");
            }

            var keys = Enumerable.Range(0, count).Select(i => $"{prefix}-{batch}-{i}").ToArray();
            var snapshots = await Task.WhenAll(keys.Select(k => client.Client.GetGrain<ICounterGrain>(k).Get()));
            placed.AddRange(keys.Where((_, i) => SiloCluster.IsAddressOf(victim, snapshots[i].Silo)).Take(count - placed.Count));
        }

        await Task.WhenAll(placed.Select(k => client.Client.GetGrain<ICounterGrain>(k).Add(Guid.NewGuid(), 1)));
        return [.. placed];
    }

    private static async Task<double> UntilAnsweredAsync(
        ICounterGrain counter, SiloProcess victim, Stopwatch clock, ConcurrentDictionary<string, int> failures, ConcurrentBag<double> victimAnswers, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"A counter did not answer from a survivor within {Deadline.TotalSeconds:0} s.");
            }

            CounterSnapshot? snapshot = null;
            try
            {
                snapshot = await counter.Get().WaitAsync(AttemptTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                failures.AddOrUpdate($"no answer within {AttemptTimeout.TotalMilliseconds:0} ms", 1, (_, n) => n + 1);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A transient error while the cluster recovers: counted (and reported), then asked again.
                failures.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
            }

            if (snapshot is not null)
            {
                if (!SiloCluster.IsAddressOf(victim, snapshot.Silo))
                {
                    return snapshot.Value == 1
                        ? clock.Elapsed.TotalSeconds
                        : throw new InvalidOperationException($"A counter came back with value {snapshot.Value} instead of 1: its state was lost.");
                }

                failures.AddOrUpdate("answered by the victim", 1, (_, n) => n + 1);
                victimAnswers.Add(clock.Elapsed.TotalSeconds);
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    /// <summary>Reads the victim's row in the membership table until its status is Dead (6); returns the elapsed seconds.</summary>
    private static async Task<double> UntilDeclaredDeadAsync(string connectionString, int siloPort, Stopwatch clock, CancellationToken cancellationToken)
    {
        const int dead = 6;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT max(status) FROM mesh_cluster_silos WHERE port = @port", connection);
        command.Parameters.AddWithValue("port", siloPort);
        while (clock.Elapsed < Deadline)
        {
            if (await command.ExecuteScalarAsync(cancellationToken) is int status && status == dead)
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(TablePollInterval, cancellationToken);
        }

        throw new TimeoutException($"The victim was not declared dead within {Deadline.TotalSeconds:0} s.");
    }

    /// <summary>The value of <c>--Mesh:Orleans:{name}=</c> among the extra silo settings, if given.</summary>
    private static string? Setting(IReadOnlyList<string> siloSettings, string name)
    {
        var prefix = $"--Mesh:Orleans:{name}=";
        return siloSettings.LastOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    private static IEnumerable<string> MembershipSettings()
    {
        var membership = MeshOrleansOptions.TunedMembership();
        return typeof(ClusterMembershipOptions).GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name} = {Format(p.GetValue(membership))}");
    }

    private static string Format(object? value) => value switch
    {
        TimeSpan t => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
        null => "null",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Stats(string fault, string measure, IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"| {fault} | {measure} | {sorted[0]:0.00} s | {sorted[sorted.Count / 2]:0.00} s | {sorted[^1]:0.00} s |");
    }

    private sealed record Recovery(double DeclaredDead, double First, double All, string Failures);
}
