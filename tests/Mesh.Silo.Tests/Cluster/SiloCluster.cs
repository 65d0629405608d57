using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Real silo processes (<c>Mesh.TestSilo</c>: the production host with the test grains) forming one cluster on one
/// PostgreSQL database, and an external Orleans client connected through their gateways. Disposing kills every
/// process it started and removes the working folder, also when a test fails.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly string[] _settings;
    private readonly ITestOutputHelper _output;
    private OrleansTestClient? _client;
    private int _started;

    private SiloCluster(string connectionString, ITestOutputHelper output, string[] settings)
    {
        ConnectionString = connectionString;
        _output = output;
        _settings = settings;
        WorkingDirectory = Directory.CreateTempSubdirectory("mesh-cluster-").FullName;
        File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(WorkingDirectory, "chains.json"));
    }

    public string ConnectionString { get; }

    public string WorkingDirectory { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(5) };

    public IClusterClient Client => (_client ?? throw new InvalidOperationException("The cluster has no client yet.")).Client;

    /// <summary>Gets the silos started so far, in start order (killed ones included).</summary>
    public IReadOnlyList<SiloProcess> Silos
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>Starts <paramref name="silos"/> silos at once (the schema migration serializes them) and connects a client.</summary>
    /// <param name="connectionString">A PostgreSQL database of this cluster alone.</param>
    /// <param name="silos">How many silos.</param>
    /// <param name="output">The test's output: silo warnings and errors are written to it at the end.</param>
    /// <param name="settings">Extra command-line settings for every silo (e.g. <c>--Mesh:Orleans:GrainDirectory=Default</c>).</param>
    /// <returns>The running cluster.</returns>
    public static async Task<SiloCluster> StartAsync(string connectionString, int silos, ITestOutputHelper output, params string[] settings)
    {
        var cluster = new SiloCluster(connectionString, output, settings);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.AddSiloAsync()));
            cluster._client = await OrleansTestClient.ConnectAsync(connectionString);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and waits until it is an active member.</summary>
    /// <returns>The new silo.</returns>
    public async Task<SiloProcess> AddSiloAsync()
    {
        var silo = StartSilo();
        await silo.WaitUntilReadyAsync(Http);
        return silo;
    }

    /// <summary>Starts one more silo without waiting for it.</summary>
    /// <returns>The starting silo.</returns>
    public SiloProcess StartSilo()
    {
        lock (_silos)
        {
            var name = $"silo-{++_started}";
            string[] settings = ["--Mesh:Storage:Provider=PostgreSql", $"--Mesh:Storage:ConnectionString={ConnectionString}", $"--Mesh:SiloName={name}", .. _settings];
            var silo = SiloProcess.Start(SiloProcess.TestSiloDll, WorkingDirectory, new Dictionary<string, string>(), settings);
            _silos.Add(silo);
            return silo;
        }
    }

    /// <summary>The process of a silo address as Orleans prints it (<c>127.0.0.1:11111@123456</c>).</summary>
    /// <param name="siloAddress">The parsable silo address.</param>
    /// <returns>The process listening on that silo port.</returns>
    public SiloProcess ProcessOf(string siloAddress)
    {
        var port = SiloPortOf(siloAddress);
        return Silos.Single(s => s.SiloPort == port);
    }

    /// <summary>The silo port of a parsable silo address.</summary>
    /// <param name="siloAddress">The parsable silo address.</param>
    /// <returns>Its port.</returns>
    public static int SiloPortOf(string siloAddress)
    {
        var colon = siloAddress.LastIndexOf(':');
        var at = siloAddress.IndexOf('@', StringComparison.Ordinal);
        return int.Parse(siloAddress[(colon + 1)..(at < 0 ? siloAddress.Length : at)], CultureInfo.InvariantCulture);
    }

    /// <summary>The membership status of every silo, as one live silo reports it (<c>/api/operator/cluster</c>).</summary>
    /// <param name="reporter">A live silo.</param>
    /// <returns>Status by silo port (of the newest generation per port).</returns>
    public async Task<IReadOnlyDictionary<int, string>> MembershipAsync(SiloProcess reporter)
    {
        var document = await reporter.GetOperatorJsonAsync(Http, "api/operator/cluster");
        var statuses = new Dictionary<int, string>();
        foreach (var silo in document.GetProperty("silos").EnumerateArray())
        {
            statuses[SiloPortOf(silo.GetProperty("address").GetString()!)] = silo.GetProperty("status").GetString()!;
        }

        return statuses;
    }

    /// <summary>Disconnects the client, kills every silo (each one even if another fails to stop), removes the working folder.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        var failures = new List<Exception>();
        if (_client is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _client.DisposeAsync().AsTask().WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _output.WriteLine("the client did not stop within 10 s (its gateways are gone); the test process ends it");
            }
        }

        foreach (var silo in Silos)
        {
            try
            {
                var (pid, exited) = (silo.Pid, silo.HasExited);
                await silo.DisposeAsync();
                WriteNotableOutput(silo, pid, exited);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                failures.Add(exception);
            }
        }

        Http.Dispose();
        Directory.Delete(WorkingDirectory, recursive: true);
        if (failures.Count > 0)
        {
            throw new AggregateException("Some silo processes could not be stopped.", failures);
        }
    }

    /// <summary>A silo's warnings and errors (first line of each), for the test's output.</summary>
    private void WriteNotableOutput(SiloProcess silo, int pid, bool exitedBeforeDispose)
    {
        var lines = silo.Output.Split('\n');
        var notable = lines
            .Select((line, i) => (line, i))
            .Where(x => x.line.StartsWith("warn:", StringComparison.Ordinal) || x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => $"{x.line.Trim()} {(x.i + 1 < lines.Length ? lines[x.i + 1].Trim() : string.Empty)}")
            .Select(line => line.Length > 300 ? line[..300] + "..." : line)
            .ToList();
        _output.WriteLine($"--- silo :{silo.SiloPort} (pid {pid}{(exitedBeforeDispose ? ", had exited" : string.Empty)}): {notable.Count} warning/error lines");
        foreach (var line in notable.GroupBy(l => l).Select(g => g.Count() > 1 ? $"{g.Count()} x {g.Key}" : g.Key).Take(40))
        {
            _output.WriteLine(line);
        }
    }
}
