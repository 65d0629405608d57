using Orleans.Runtime;

namespace Mesh.Silo.Api;

/// <summary>Liveness and readiness for orchestrators and load balancers.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c> (the process serves HTTP) and <c>/health/ready</c> (the silo is an active cluster member).</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapMeshHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        endpoints.MapGet("/health/ready", (ISiloStatusOracle silo, IHostApplicationLifetime lifetime) =>
        {
            var ready = silo.CurrentStatus == SiloStatus.Active && !lifetime.ApplicationStopping.IsCancellationRequested;
            var body = new { status = ready ? "ready" : "not ready", silo = silo.SiloName, siloStatus = silo.CurrentStatus.ToString() };
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
