using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf;
using Mesh.Silo.Tests.Telemetry.Otlp;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Telemetry;

/// <summary>
/// OpenTelemetry end to end: two silo processes export traces, metrics and logs over OTLP/HTTP protobuf to a real
/// receiver, whose messages are parsed with types generated from the OTLP definitions.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string PingMethod = "Mesh.Diagnostics.IProbeGrain/Ping";
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-otel-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public TelemetryTests() => File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(_workingDirectory, "chains.json"));

    [Fact]
    public async Task Probe_TwoSilosExportingOverOtlp_OneTraceThroughBothSilosWithMetricsAndCorrelatedLogs()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("otel");
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        };
        await using var first = StartSilo("silo-a", database, environment);
        await using var second = StartSilo("silo-b", database, environment);
        await first.WaitUntilReadyAsync(_http);
        await second.WaitUntilReadyAsync(_http);
        // Joining is a precondition here, not what is measured: allow two full membership-table refreshes (10 s each)
        // plus a start on a busy machine (a CI run once took more than the default 20 s).
        await Eventually.TrueAsync(async () => await ActiveSilosAsync(first) == 2, "both silos are active members", TimeSpan.FromSeconds(60));

        // Random placement: all 64 probe grains on one silo has probability 2^-63.
        var probe = await first.GetOperatorJsonAsync(_http, "api/operator/probe?grains=64");
        Assert.Equal(2, probe.GetProperty("silos").GetArrayLength());

        // Traces: the HTTP server span is the root; the grain calls of both silos hang under it.
        List<(string? Silo, InstrumentationScope Scope, Span Span)> trace = [];
        Span? root = null;
        await Eventually.TrueAsync(
            () =>
            {
                var spans = receiver.Spans().Select(s => (Silo: Attribute(s.Resource.Attributes, "service.instance.id"), s.Scope, s.Span)).ToList();
                root = spans.Select(s => s.Span).FirstOrDefault(s => s.Kind == Span.Types.SpanKind.Server && s.ParentSpanId.IsEmpty && Attribute(s.Attributes, "url.path") == "/api/operator/probe");
                trace = root is null ? [] : [.. spans.Where(s => s.Span.TraceId == root.TraceId)];
                // Children end (and are exported) before their parents, but not always in the same batch: wait for every parent.
                var received = trace.Select(s => s.Span.SpanId).ToHashSet();
                return trace.Any(s => s.Silo == "silo-b" && s.Span.Kind == Span.Types.SpanKind.Server && Attribute(s.Span.Attributes, "rpc.method") == PingMethod)
                    && trace.All(s => s.Span.ParentSpanId.IsEmpty || received.Contains(s.Span.ParentSpanId));
            },
            "the probe's trace holds grain spans from both silos, each span's parent in it",
            TimeSpan.FromSeconds(30));

        Assert.NotNull(root);
        Assert.Equal("GET /api/operator/probe", root.Name);
        Assert.Equal("GET", Attribute(root.Attributes, "http.request.method"));
        Assert.Equal("/api/operator/probe", Attribute(root.Attributes, "http.route"));
        Assert.Equal("200", Attribute(root.Attributes, "http.response.status_code"));
        Assert.Contains(trace, s => s.Span == root && s.Silo == "silo-a" && s.Scope.Name == "Microsoft.AspNetCore");
        var ids = trace.Select(s => s.Span.SpanId).ToHashSet();
        Assert.Single(trace, s => s.Span.ParentSpanId.IsEmpty);
        Assert.All(trace.Where(s => s.Span != root), s => Assert.Contains(s.Span.ParentSpanId, ids));
        // A grain call that crossed silos: the server span on silo-b is the child of a client span on silo-a.
        var clientsOnA = trace.Where(s => s.Silo == "silo-a" && s.Span.Kind == Span.Types.SpanKind.Client).Select(s => s.Span.SpanId).ToHashSet();
        var pingsOnB = trace.Where(s => s.Silo == "silo-b" && s.Span.Kind == Span.Types.SpanKind.Server && Attribute(s.Span.Attributes, "rpc.method") == PingMethod).ToList();
        Assert.NotEmpty(pingsOnB);
        Assert.All(pingsOnB, s =>
        {
            Assert.Contains(s.Span.ParentSpanId, clientsOnA);
            Assert.Equal("orleans", Attribute(s.Span.Attributes, "rpc.system.name"));
            Assert.Equal("IProbeGrain/Ping", s.Span.Name);
            Assert.StartsWith("Microsoft.Orleans", s.Scope.Name, StringComparison.Ordinal);
        });

        // Reading a pool and an oracle records their gauges, and tags the grain calls' spans with the asset.
        foreach (var path in new[] { "api/pools/USDC", "api/oracles/WETH" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(second.BaseAddress, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await OperatorKeyAsync());
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.TrueAsync(
            () => receiver.Spans().Any(s => s.Span.Kind == Span.Types.SpanKind.Server && s.Span.Name == "ICollateralPoolGrain/Summary" && Attribute(s.Span.Attributes, "mesh.asset") == "USDC"),
            "the pool's grain span carries mesh.asset",
            TimeSpan.FromSeconds(20));
        // Storage: every PostgreSQL command is a client span of Npgsql's source with the db semantic conventions.
        await Eventually.TrueAsync(
            () => receiver.Spans().Any(s => s.Scope.Name == "Npgsql" && s.Span.Kind == Span.Types.SpanKind.Client
                && (Attribute(s.Span.Attributes, "db.system.name") ?? Attribute(s.Span.Attributes, "db.system")) == "postgresql"),
            "PostgreSQL commands arrive as db client spans",
            TimeSpan.FromSeconds(20));

        // Metrics: Orleans' own and the mesh's, from both silos.
        string[] wanted = ["mesh.pool.utilization", "mesh.pool.borrow_rate", "mesh.pool.supply_rate", "mesh.oracle.breaker.open", "http.server.request.duration"];
        await Eventually.TrueAsync(
            () =>
            {
                var metrics = receiver.Metrics();
                return wanted.All(name => metrics.Any(m => m.Metric.Name == name))
                    && metrics.Where(m => m.Scope.Name == "Microsoft.Orleans").Select(m => Attribute(m.Resource.Attributes, "service.instance.id")).Distinct().Count() == 2;
            },
            $"the metrics {string.Join(", ", wanted)} and Orleans' metrics of both silos are exported",
            TimeSpan.FromSeconds(20));
        var exported = receiver.Metrics();
        Assert.Contains(exported, m => m.Scope.Name == "Microsoft.Orleans" && m.Metric.Name.StartsWith("orleans-", StringComparison.Ordinal));
        var breaker = exported.Last(m => m.Metric.Name == "mesh.oracle.breaker.open").Metric;
        Assert.Equal(Metric.DataOneofCase.Gauge, breaker.DataCase);
        Assert.Contains(breaker.Gauge.DataPoints, p => Attribute(p.Attributes, "mesh.asset") == "WETH" && p.AsDouble == 0);
        var utilization = exported.Last(m => m.Metric.Name == "mesh.pool.utilization").Metric;
        Assert.Contains(utilization.Gauge.DataPoints, p => Attribute(p.Attributes, "mesh.asset") == "USDC" && p.AsDouble == 0);

        // Logs: the probe's own log record carries the request's trace and the span it was written in.
        LogRecord? probed = null;
        await Eventually.TrueAsync(
            () =>
            {
                var logs = receiver.Logs();
                probed = logs.Select(l => l.Log).FirstOrDefault(l => l.EventName == "Probed" && Attribute(l.Attributes, "Grains") == "64" && Attribute(l.Attributes, "Silos") == "2");
                return probed is not null;
            },
            "the probe's log record is exported",
            TimeSpan.FromSeconds(20));
        Assert.Equal("Probe: {Grains} grains answered from {Silos} silo(s) in {ElapsedMs} ms", probed!.Body.StringValue);
        Assert.Equal(root.TraceId, probed.TraceId);
        Assert.Contains(probed.SpanId, ids);
    }

    private static string? Attribute(IEnumerable<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value switch
        {
            null => null,
            { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
            { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var v => v.ToString(),
        };

    private async Task<string> OperatorKeyAsync() => (await File.ReadAllTextAsync(Path.Combine(_workingDirectory, "data", "operator.key"))).Trim();

    private SiloProcess StartSilo(string name, string database, Dictionary<string, string> environment) => SiloProcess.Start(
        SiloProcess.SiloDll,
        _workingDirectory,
        new Dictionary<string, string>(environment) { ["OTEL_SERVICE_NAME"] = "mesh-silo" },
        "--Mesh:Storage:Provider=PostgreSql",
        $"--Mesh:Storage:ConnectionString={database}",
        $"--Mesh:SiloName={name}");

    private async Task<int> ActiveSilosAsync(SiloProcess silo)
    {
        var cluster = await silo.GetOperatorJsonAsync(_http, "api/operator/cluster");
        return cluster.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active");
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
