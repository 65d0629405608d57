using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Hosting;

/// <summary>OpenTelemetry end to end: two silo processes export to a real OTLP/HTTP receiver.</summary>
public sealed class TelemetryTests : IDisposable
{
    private const int ServerKind = 2;
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-otel-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public TelemetryTests() => File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_workingDirectory, "chains.json"));

    [Fact]
    public async Task Probe_TwoSilosExportingOverOtlp_OneTraceFromTheHttpRequestThroughGrainCallsOnBothSilos()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("otel");
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        await using var first = StartSilo("silo-a", database, environment);
        await using var second = StartSilo("silo-b", database, environment);
        await first.WaitUntilReadyAsync(_http);
        await second.WaitUntilReadyAsync(_http);
        // Joining is a precondition here, not what is measured: allow two full membership-table refreshes (10 s each)
        // plus a start on a busy machine (a CI run once took more than the default 20 s).
        await Eventually.TrueAsync(async () => await ActiveSilosAsync(first) == 2, "both silos are active members", TimeSpan.FromSeconds(60));

        var probe = JsonDocument.Parse(await _http.GetStringAsync(new Uri(first.BaseAddress, "api/operator/probe?grains=64"))).RootElement;
        Assert.Equal(2, probe.GetProperty("silos").GetArrayLength());

        List<OtlpSpan> trace = [];
        await Eventually.TrueAsync(
            () =>
            {
                var spans = receiver.Requests.Where(r => r.Path == "/v1/traces").SelectMany(r => OtlpTraceDecoder.Decode(r.Body)).ToList();
                var root = spans.FirstOrDefault(s => s.Kind == ServerKind && s.ParentSpanId.Length == 0 && s.Name.Contains("/api/operator/probe", StringComparison.Ordinal));
                trace = root is null ? [] : spans.Where(s => s.TraceId == root.TraceId).ToList();
                // A parent span ends after its children, so it may reach the receiver in a later batch: wait for it too.
                var ids = trace.Select(s => s.SpanId).ToHashSet();
                return trace.Select(s => s.ServiceInstance).Distinct().Count() == 2
                    && trace.Any(s => s.ServiceInstance == "silo-b" && s.Name.Contains("Ping", StringComparison.Ordinal))
                    && trace.Where(s => s.ServiceInstance == "silo-b").All(s => ids.Contains(s.ParentSpanId));
            },
            "the probe's trace holds spans from both silos, each remote one with its parent",
            TimeSpan.FromSeconds(60));

        var ids = trace.Select(s => s.SpanId).ToHashSet();
        var remote = trace.Where(s => s.ServiceInstance == "silo-b").ToList();
        Assert.Single(trace, s => s.ParentSpanId.Length == 0);
        Assert.All(remote, s => Assert.Contains(s.ParentSpanId, ids));
        Assert.Contains(trace, s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Scope == "Microsoft.AspNetCore");
        await Eventually.TrueAsync(
            () => receiver.Requests.Any(r => r.Path == "/v1/metrics" && Contains(r.Body, "orleans")),
            "Orleans' metrics are exported",
            TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => receiver.Requests.Any(r => r.Path == "/v1/logs"), "logs are exported", TimeSpan.FromSeconds(60));
    }

    private SiloProcess StartSilo(string name, string database, Dictionary<string, string> environment) => SiloProcess.Start(
        SiloProcess.SiloDll,
        _workingDirectory,
        new Dictionary<string, string>(environment) { ["OTEL_SERVICE_NAME"] = "mesh-silo" },
        "--Mesh:Storage:Provider=PostgreSql",
        $"--Mesh:Storage:ConnectionString={database}",
        $"--Mesh:SiloName={name}");

    private async Task<int> ActiveSilosAsync(SiloProcess silo)
    {
        var cluster = JsonDocument.Parse(await _http.GetStringAsync(new Uri(silo.BaseAddress, "api/operator/cluster"))).RootElement;
        return cluster.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active");
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
