using Mesh.Runtime.Hosting;

namespace Mesh.Silo.Hosting;

/// <summary>Health and operator endpoints.</summary>
public static class SiloEndpoints
{
    /// <summary>Maps <c>/health/live</c> (the process serves HTTP) and <c>/health/ready</c> (the runtime started and accepts calls).</summary>
    public static IEndpointRouteBuilder MapMeshHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        endpoints.MapGet("/health/ready", (ISiloStatus silo) => silo.IsReady
            ? Results.Ok(new { status = "ready", siloId = silo.SiloId })
            : Results.Json(new { status = "not ready", siloId = silo.SiloId }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }

    /// <summary>Maps read-only operator endpoints.</summary>
    public static IEndpointRouteBuilder MapMeshOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/operator/silo", (ISiloStatus silo) => Results.Ok(new
        {
            siloId = silo.SiloId,
            ready = silo.IsReady,
            activations = silo.ActivationCount,
            storage = silo.StorageProvider,
        }));
        endpoints.MapGet("/api/operator/cluster", async (ISiloStatus silo, CancellationToken cancellationToken) =>
        {
            var members = await silo.GetMembersAsync(cancellationToken);
            return Results.Ok(new
            {
                self = silo.SiloId,
                silos = members.Select(m => new
                {
                    siloId = m.SiloId,
                    address = m.Address,
                    port = m.Port,
                    generation = m.Generation,
                    status = m.Status,
                    heartbeatAgeSeconds = Math.Round(m.HeartbeatAge.TotalSeconds, 3),
                    partitions = m.Partitions,
                }),
            });
        });
        return endpoints;
    }
}
