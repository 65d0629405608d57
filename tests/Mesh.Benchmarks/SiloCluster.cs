using System.Globalization;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>
/// Real silo processes (<c>Mesh.TestSilo</c>: the production host plus the test grains) on loopback, clustered in a
/// fresh database of the throwaway PostgreSQL server, each started after the previous one reports ready.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>When set to a folder, each silo's console output is written there when the cluster is disposed (for diagnosis).</summary>
    public const string SiloLogsVariable = "MESH_BENCH_SILO_LOGS";

    private readonly string _workingDirectory;

    private SiloCluster(string workingDirectory, string connectionString, List<SiloProcess> silos)
    {
        _workingDirectory = workingDirectory;
        ConnectionString = connectionString;
        Silos = silos;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public static Task<SiloCluster> StartAsync(int count, CancellationToken cancellationToken) =>
        StartAsync(count, [], cancellationToken);

    /// <summary>Starts <paramref name="count"/> silos; <paramref name="extraSettings"/> (e.g. <c>--Mesh:Orleans:GrainDirectory=Default</c>) go to each.</summary>
    public static async Task<SiloCluster> StartAsync(int count, IReadOnlyList<string> extraSettings, CancellationToken cancellationToken)
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("benchcluster");
        var directory = Directory.CreateTempSubdirectory("mesh-bench-cluster-").FullName;
        File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(directory, "chains.json"));
        var silos = new List<SiloProcess>();
        var cluster = new SiloCluster(directory, connectionString, silos);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string[] settings =
                [
                    "--Mesh:Storage:Provider=PostgreSql",
                    $"--Mesh:Storage:ConnectionString={connectionString}",
                    string.Create(CultureInfo.InvariantCulture, $"--Mesh:SiloName=silo{i}"),
                    .. extraSettings,
                ];
                var silo = SiloProcess.Start(SiloProcess.TestSiloDll, directory, new Dictionary<string, string>(), settings);
                silos.Add(silo);
                await silo.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(90));
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether a <c>SiloAddress.ToParsableString()</c> (<c>127.0.0.1:port@generation</c>) is this silo's.</summary>
    public static bool IsAddressOf(SiloProcess silo, string siloAddress) =>
        siloAddress.Contains(string.Create(CultureInfo.InvariantCulture, $":{silo.SiloPort}@"), StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        var logs = Environment.GetEnvironmentVariable(SiloLogsVariable);
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
            if (!string.IsNullOrWhiteSpace(logs))
            {
                Directory.CreateDirectory(logs);
                await File.WriteAllTextAsync(Path.Combine(logs, string.Create(CultureInfo.InvariantCulture, $"silo-{silo.SiloPort}.log")), silo.Output);
            }
        }

        Directory.Delete(_workingDirectory, recursive: true);
    }
}
