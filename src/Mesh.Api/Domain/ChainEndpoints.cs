using Mesh.Api.Authentication;
using Mesh.Chains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>Operators' views of one chain's event index: the indexed inventory and its reconciliation with the vault contract.</summary>
internal static class ChainEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var chains = api.MapGroup("/operator/chains/{chain}").RequireAuthorization(ApiPolicies.Operator).WithTags("Operator");
        chains.MapGet("/index", IndexAsync).WithName("ReadChainIndex")
            .WithSummary("The chain's event index: final and tentative inventory per protocol and token, cursor, reorganisations; does not call the chain.");
        chains.MapGet("/reconciliation", ReconcileAsync).WithName("ReconcileChain")
            .WithSummary("Brings the index up to the head and compares it per token and per protocol with the vault contract's balances at that block.");
    }

    private static async Task<Ok<IndexedInventory>> IndexAsync(string chain, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<IChainGrain>(Json.ApiNames.Chain(chain)).IndexedInventory(cancellationToken));

    private static async Task<Ok<ReconciliationReport>> ReconcileAsync(string chain, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<IChainGrain>(Json.ApiNames.Chain(chain)).Reconcile(cancellationToken));
}
