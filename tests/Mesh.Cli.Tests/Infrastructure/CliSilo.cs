using Mesh.Testing;

namespace Mesh.Cli.Tests.Infrastructure;

/// <summary>
/// One real silo process (Mesh.Silo.dll, its embedded defaults: SQLite, the simulated chains of chains.json) shared by
/// the CLI tests, pricing itself (the simulated feed) so that health can be read; with its bootstrap operator key.
/// </summary>
public sealed class CliSilo : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-cli-").FullName;

    public SiloProcess Process { get; private set; } = null!;

    public string Url => Process.BaseAddress.ToString().TrimEnd('/');

    public string OperatorKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_folder, "chains.json"));
        Process = SiloProcess.Start(
            SiloProcess.SiloDll,
            _folder,
            new Dictionary<string, string>(),
            "--Mesh:Oracles:SimulatedFeed:Enabled=true",
            "--Mesh:Api:RateLimit:TokenLimit=10000",
            "--Mesh:Api:RateLimit:TokensPerPeriod=10000",
            "--Mesh:Api:RateLimit:AnonymousTokenLimit=10000",
            "--Mesh:Api:RateLimit:AnonymousTokensPerPeriod=10000");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Process.WaitUntilReadyAsync(probe, TimeSpan.FromSeconds(90));
        var keyFile = Path.Combine(_folder, "data", "operator.key");
        await Eventually.TrueAsync(() => File.Exists(keyFile), "the operator key file exists", TimeSpan.FromSeconds(30));
        OperatorKey = (await File.ReadAllTextAsync(keyFile)).Trim();
    }

    /// <summary>Runs mesh against this silo: <c>--url</c> added, the key (when given) in MESH_API_KEY.</summary>
    public Task<CliRun> RunAsync(string? key, params string[] args) =>
        CliRunner.RunAsync(Variables(key), [.. args, "--url", Url]);

    public static IReadOnlyDictionary<string, string> Variables(string? key) =>
        key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["MESH_API_KEY"] = key };

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

