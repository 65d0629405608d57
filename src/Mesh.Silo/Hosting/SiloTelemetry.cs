using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mesh.Silo.Hosting;

/// <summary>Builds the OpenTelemetry tracer and meter providers for every <c>Mesh.*</c> source and meter; OTLP export when configured.</summary>
internal static class SiloTelemetry
{
    public const string SourcePattern = "Mesh.*";

    public static void AddMeshTelemetry(this WebApplicationBuilder builder, string siloId)
    {
        var configuration = builder.Configuration;
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var protocol = string.Equals(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        var serviceName = configuration["OTEL_SERVICE_NAME"] ?? "mesh-silo";
        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: siloId))
                .AddSource(SourcePattern);
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                tracing.AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/traces"));
            }

            return tracing.Build();
        });
        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: siloId))
                .AddMeter(SourcePattern);
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                metrics.AddOtlpExporter((o, reader) =>
                {
                    Configure(o, endpoint, protocol, "v1/metrics");
                    if (int.TryParse(configuration["OTEL_METRIC_EXPORT_INTERVAL"], out var interval) && interval > 0)
                    {
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                    }
                });
            }

            return metrics.Build();
        });
        builder.Services.AddHostedService<TelemetryHostedService>();
    }

    /// <summary>OTLP over gRPC takes the endpoint as is; over HTTP each signal has its own path under it.</summary>
    private static void Configure(OpenTelemetry.Exporter.OtlpExporterOptions options, string endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(endpoint.TrimEnd('/') + "/"), signalPath)
            : new Uri(endpoint);
    }

    /// <summary>Resolves the providers at start so they listen from the first call; the container disposes (flushes) them at stop.</summary>
    private sealed class TelemetryHostedService(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            tracing is null || metrics is null ? Task.FromException(new InvalidOperationException("Telemetry providers missing.")) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
