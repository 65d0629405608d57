using System.Diagnostics;
using Mesh.Diagnostics;
using Mesh.Grains.Resilience;
using Mesh.Silo.Hosting;
using Orleans.Runtime;
using Polly.Registry;

namespace Mesh.Silo.Api;

/// <summary>Read-only operator endpoints: this silo, the cluster, and an end-to-end probe; each needs an operator key (a probe calls up to <see cref="MaxProbes"/> grains).</summary>
public static class OperatorEndpoints
{
    /// <summary>The most probe grains one request may call.</summary>
    public const int MaxProbes = 1000;

    /// <summary>Maps <c>/api/operator/silo</c>, <c>/api/operator/cluster</c> and <c>/api/operator/probe</c>.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapMeshOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/operator/silo", (ISiloStatusOracle silo, MeshOptions options) => Results.Ok(new
        {
            name = silo.SiloName,
            address = silo.SiloAddress.ToParsableString(),
            status = silo.CurrentStatus.ToString(),
            storage = options.Storage.Provider.ToString(),
            mode = options.Storage.Provider == Storage.StorageProvider.PostgreSql ? "cluster" : "single-node",
        })).RequireAuthorization(Mesh.Api.Authentication.ApiPolicies.Operator);
        endpoints.MapGet("/api/operator/cluster", async (IGrainFactory grains, ISiloStatusOracle self) =>
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
            return Results.Ok(new
            {
                self = self.SiloAddress.ToParsableString(),
                silos = hosts.OrderBy(h => h.StartTime).Select(h => new
                {
                    name = h.SiloName,
                    address = h.SiloAddress.ToParsableString(),
                    hostName = h.HostName,
                    status = h.Status.ToString(),
                    startedAt = h.StartTime,
                    iAmAliveAt = h.IAmAliveTime,
                }),
            });
        }).RequireAuthorization(Mesh.Api.Authentication.ApiPolicies.Operator);
        endpoints.MapGet("/api/operator/probe", async (int? grains, IGrainFactory factory, ResiliencePipelineProvider<string> pipelines, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var count = grains ?? 16;
            if (count is < 1 or > MaxProbes)
            {
                return Results.Problem(
                    title: "Invalid probe count",
                    detail: $"grains must be between 1 and {MaxProbes}, got {count}.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = "probe.invalid_count" });
            }

            // A probe is read-only, so it is safe to repeat while the cluster recovers.
            var pipeline = pipelines.GetPipeline(GrainCallResilience.PipelineKey);
            var clock = Stopwatch.StartNew();
            var replies = await Task.WhenAll(Enumerable.Range(0, count).Select(key => pipeline.ExecuteAsync(
                async token => await factory.GetGrain<IProbeGrain>(key).Ping(token),
                cancellationToken).AsTask()));
            var elapsedMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3);
            OperatorLog.Probed(loggers.CreateLogger(typeof(OperatorEndpoints)), count, replies.Select(r => r.Silo).Distinct(StringComparer.Ordinal).Count(), elapsedMs);
            return Results.Ok(new
            {
                grains = count,
                elapsedMs,
                silos = replies.GroupBy(r => r.Silo).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new { silo = g.Key, grains = g.Count() }),
            });
        }).RequireAuthorization(Mesh.Api.Authentication.ApiPolicies.Operator);
        return endpoints;
    }
}
