using Mesh.Api.Keys;
using Mesh.Api.OpenApi;
using Mesh.Api.Problems;
using Mesh.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api;

/// <summary>Maps the Mesh API.</summary>
public static class MeshApiEndpointRouteBuilderExtensions
{
    /// <summary>The prefix of every API route.</summary>
    public const string Prefix = "/api";

    /// <summary>
    /// Maps the OpenAPI document at <c>/openapi/v1.json</c> and the key management endpoints under
    /// <c>/api/operator/keys</c>, and returns the <c>/api</c> group for the domain endpoints (see <see cref="MapMeshApiGroup"/>).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The <c>/api</c> group.</returns>
    public static RouteGroupBuilder MapMeshApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi(MeshOpenApi.Route).AllowAnonymous().DisableRateLimiting();
        var api = endpoints.MapMeshApiGroup(Prefix);
        ApiKeyEndpoints.Map(api);
        Domain.ProtocolEndpoints.Map(endpoints, api);
        Domain.VaultEndpoints.Map(api);
        Domain.AdviceEndpoints.Map(api);
        Domain.MarketEndpoints.Map(api);
        Domain.OperatorEndpoints.Map(api);
        Domain.TransferEndpoints.Map(api);
        Domain.ChainEndpoints.Map(api);
        return api;
    }

    /// <summary>
    /// A route group with the API's conventions: every endpoint needs a valid key (narrow it with
    /// <c>.RequireAuthorization(ApiPolicies.Xxx)</c>; <c>.AllowAnonymous()</c> to open one), is rate limited per key, and
    /// is described in OpenAPI with its problem responses. Value-moving POSTs add <c>.RequireIdempotency()</c>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The group's path prefix.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapMeshApiGroup(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGroup(prefix)
            .RequireAuthorization()
            .RequireRateLimiting(ApiRateLimiting.PolicyName)
            .ProducesProblem(StatusCodes.Status400BadRequest, ApiProblems.ContentType);
    }
}
