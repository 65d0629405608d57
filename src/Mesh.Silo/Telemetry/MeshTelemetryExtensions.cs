using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mesh.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for a silo: Orleans' meter and activity sources, every <c>Mesh.*</c> source and meter, ASP.NET Core and
/// HttpClient instrumentation, exported over OTLP; on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter
/// reads the standard <c>OTEL_*</c> settings itself: protocol, headers, intervals).
/// </summary>
public static class MeshTelemetryExtensions
{
    /// <summary>Orleans' activity sources (populated once <c>AddActivityPropagation</c> is on).</summary>
    public static readonly string[] OrleansSources =
        ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    /// <summary>Npgsql's activity source: one span per PostgreSQL command, with the <c>db.*</c> semantic-convention attributes.</summary>
    public const string NpgsqlSource = "Npgsql";

    /// <summary>Orleans' meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The wildcard for the Mesh's own sources and meters, one per assembly.</summary>
    public const string MeshPattern = "Mesh.*";

    /// <summary>Adds tracing, metrics and logs.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="siloName">The silo's name, exported as <c>service.instance.id</c>.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddMeshTelemetry(this WebApplicationBuilder builder, string siloName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Nothing would receive the signals: no tracer or meter provider, so no span is sampled and grain calls pay
            // nothing for telemetry (measured: tracing without an exporter doubled a local grain call's latency).
            return builder;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? "mesh-silo";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: siloName))
            .WithTracing(tracing => tracing
                .AddSource(OrleansSources)
                .AddSource(MeshPattern)
                .AddSource(NpgsqlSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(OrleansMeter)
                .AddMeter(MeshPattern)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
