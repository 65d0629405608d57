using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Mesh.Silo.Tests.Telemetry.Otlp;
using Microsoft.Extensions.Logging;

namespace Mesh.Silo.Tests.Telemetry;

/// <summary>A minimal OTLP/HTTP receiver on loopback that keeps every request body it gets, by path.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    /// <summary>Every span received so far, with its resource and scope.</summary>
    public IReadOnlyList<(Resource Resource, InstrumentationScope Scope, Span Span)> Spans() =>
        [.. Bodies("/v1/traces").Select(ExportTraceServiceRequest.Parser.ParseFrom)
            .SelectMany(r => r.ResourceSpans).SelectMany(r => r.ScopeSpans.SelectMany(s => s.Spans.Select(span => (r.Resource, s.Scope, span))))];

    /// <summary>Every metric received so far, with its resource and scope.</summary>
    public IReadOnlyList<(Resource Resource, InstrumentationScope Scope, Metric Metric)> Metrics() =>
        [.. Bodies("/v1/metrics").Select(ExportMetricsServiceRequest.Parser.ParseFrom)
            .SelectMany(r => r.ResourceMetrics).SelectMany(r => r.ScopeMetrics.SelectMany(s => s.Metrics.Select(m => (r.Resource, s.Scope, m))))];

    /// <summary>Every log record received so far, with its resource and scope (the logger category).</summary>
    public IReadOnlyList<(Resource Resource, InstrumentationScope Scope, LogRecord Log)> Logs() =>
        [.. Bodies("/v1/logs").Select(ExportLogsServiceRequest.Parser.ParseFrom)
            .SelectMany(r => r.ResourceLogs).SelectMany(r => r.ScopeLogs.SelectMany(s => s.LogRecords.Select(l => (r.Resource, s.Scope, l))))];

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (context.Request.ContentType != "application/x-protobuf")
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            receiver.Requests.Enqueue((context.Request.Path.Value!, body.ToArray()));
            // An empty Export*ServiceResponse: everything accepted.
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Urls.First());
        return receiver;
    }

    private IEnumerable<byte[]> Bodies(string path) => Requests.Where(r => r.Path == path).Select(r => r.Body);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
