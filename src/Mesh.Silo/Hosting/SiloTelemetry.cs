using OpenTelemetry;
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
        var serviceName = configuration["OTEL_SERVICE_NAME"] ?? "mesh-silo";
        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: siloId))
                .AddSource(SourcePattern);
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                tracing.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
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
                metrics.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
            }

            return metrics.Build();
        });
        builder.Services.AddHostedService<TelemetryHostedService>();
    }

    /// <summary>Resolves the providers at start so they listen from the first call; the container disposes (flushes) them at stop.</summary>
    private sealed class TelemetryHostedService(TracerProvider tracing, MeterProvider metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            tracing is null || metrics is null ? Task.FromException(new InvalidOperationException("Telemetry providers missing.")) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
