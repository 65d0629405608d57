using Mesh.Api.Authentication;
using Mesh.Api.Pagination;
using Mesh.Audit;
using Mesh.Protocols;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>Operators' views of the whole mesh: every protocol, and the conservation audit.</summary>
internal static class OperatorEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var operators = api.MapGroup("/operator").RequireAuthorization(ApiPolicies.Operator).WithTags("Operator");
        operators.MapGet("/protocols", ListProtocolsAsync).WithName("ListProtocols").WithSummary("Every protocol that asked to join, in id order, a page at a time.");
        operators.MapGet("/audit", AuditAsync).WithName("AuditConservation")
            .WithSummary("Checks per asset and chain that the vault contract holds pool free + vault balances + in transit, and each pool's identity.");
    }

    private static async Task<Ok<CursorPage<ProtocolView>>> ListProtocolsAsync([AsParameters] PageQuery query, MeshApiOptions options, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = Pages.Read(query, options);
        var (ids, more) = await ProtocolDirectory.PageAsync(grains, page.After, page.Limit, cancellationToken);
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProtocolGrain>(id).Read(cancellationToken)));
        // An id listed by a join that crashed before it was written has no protocol: skipped, the cursor still moves past it.
        var items = views.OfType<ProtocolView>().ToList();
        return TypedResults.Ok(new CursorPage<ProtocolView>(items, more && ids.Count > 0 ? Pages.Encode(ids[^1]) : null));
    }

    private static async Task<Ok<ConservationReport>> AuditAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<IConservationAuditGrain>(0).Run(cancellationToken));
}
