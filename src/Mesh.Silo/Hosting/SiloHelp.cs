namespace Mesh.Silo.Hosting;

/// <summary>The <c>--help</c> text: every setting, its default and how to set it.</summary>
internal static class SiloHelp
{
    private static readonly (string Key, string Default, string Description)[] Settings =
    [
        ("Urls", "http://127.0.0.1:5080", "HTTP endpoint(s) of the API and health checks (also --urls or ASPNETCORE_URLS)."),
        ("Mesh:DataDirectory", "data", "Folder for the embedded SQLite state file."),
        ("Mesh:ChainsFile", "chains.json", "Chains, tokens and bridge routes; validated at start."),
        ("Mesh:SiloId", "<host>-<pid>-<random>", "This silo's id."),
        ("Mesh:Storage:Provider", "Sqlite", "Sqlite (single node) or PostgreSql (cluster)."),
        ("Mesh:Storage:ConnectionString", "Data Source=<DataDirectory>/mesh.db", "Connection string of the storage provider."),
        ("Mesh:Runtime:CollectionAge", "00:15:00", "Idle time after which an activation is deactivated."),
        ("Mesh:Runtime:CollectionQuantum", "00:01:00", "How often idle activations are collected."),
        ("Mesh:Runtime:ResponseTimeout", "00:00:30", "Deadline of a grain call."),
        ("Mesh:Runtime:ActivationTimeout", "00:00:30", "Deadline for reading state and OnActivateAsync."),
        ("Mesh:Runtime:DeactivationTimeout", "00:00:30", "Deadline for OnDeactivateAsync."),
        ("Mesh:Runtime:ShutdownTimeout", "00:01:00", "How long a graceful stop waits for deactivations."),
        ("Mesh:Runtime:MinimumReminderPeriod", "00:00:01", "Shortest reminder period accepted."),
        ("Mesh:Runtime:ReminderRetryDelay", "00:00:05", "Retry delay for a reminder tick that could not be claimed."),
        ("Mesh:Runtime:PartitionCount", "1024", "Partitions grain ids hash to (all silos must agree)."),
        ("Mesh:Cluster:Enabled", "false", "Join a cluster (requires PostgreSql storage)."),
        ("Mesh:Cluster:SiloPort", "11111", "HTTP/2 port for calls from other silos (0 = any free port)."),
        ("Mesh:Cluster:ListenAddress", "127.0.0.1", "Address the silo port binds to."),
        ("Mesh:Cluster:AdvertisedHost", "127.0.0.1", "Host other silos use to reach this one."),
        ("Mesh:Cluster:LeaseDuration", "00:00:03", "Partition lease length (database clock)."),
        ("Mesh:Cluster:RenewInterval", "00:00:00.750", "Heartbeat, renewal and rebalancing interval."),
        ("Mesh:Cluster:MaxCallRetries", "20", "Retries after 'not owner' or an unreachable owner."),
        ("Mesh:Cluster:TlsCertificatePath", "(unset)", "PFX file: silo-to-silo calls use TLS when set."),
        ("Mesh:Cluster:TlsCertificatePassword", "(unset)", "Password of the PFX file."),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "(unset)", "Export traces and metrics over OTLP to this endpoint."),
        ("OTEL_SERVICE_NAME", "mesh-silo", "Service name on exported telemetry."),
    ];

    public static bool IsRequested(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static void Write(TextWriter output)
    {
        output.WriteLine("Mesh silo: a node of the cross-chain collateral mesh.");
        output.WriteLine();
        output.WriteLine("Usage: Mesh.Silo [--Key=Value ...]");
        output.WriteLine("Settings come from appsettings.json, environment variables (Mesh__Storage__Provider=PostgreSql)");
        output.WriteLine("and the command line (--Mesh:Storage:Provider=PostgreSql), later sources winning.");
        output.WriteLine();
        var width = Settings.Max(s => s.Key.Length) + 2;
        foreach (var (key, value, description) in Settings)
        {
            output.WriteLine($"  {key.PadRight(width)}{description}");
            output.WriteLine($"  {new string(' ', width)}default: {value}");
        }

        output.WriteLine();
        output.WriteLine("Endpoints: GET /health/live, GET /health/ready, GET /api/operator/silo, GET /api/operator/cluster");
    }
}
