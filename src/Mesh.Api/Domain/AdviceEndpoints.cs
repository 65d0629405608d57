using Mesh.Api.Authentication;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>
/// A vault's rebalancing: its advice (allocation between risky and stable collateral, and the delta hedge; reads only)
/// and its own settings (selling under grants, the predictive shift, executing the hedge).
/// </summary>
internal static class AdviceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var vaults = api.MapGroup("/protocols/{protocolId}/vaults/{chain}").WithTags("Vaults");
        vaults.MapGet("/allocation", AllocationAsync).WithName("ReadAllocationAdvice")
            .WithSummary("Stable share of the collateral against its regime's floor, and what to sell to reach it; ?predictive=false uses the realized regime instead of the forecast one (the default).");
        vaults.MapGet("/hedge", HedgeAsync).WithName("ReadHedgeAdvice")
            .WithSummary("Net delta per underlying (holdings, options, perps) and the perp hedge that brings it back inside the band.");
        vaults.MapPut("/rebalancing", ConfigureAsync).RequireAuthorization(ApiPolicies.Protocol).WithName("ConfigureRebalancing")
            .WithSummary("Sets how the vault rebalances by itself: autoSell (sales under the coordinator's grants), predictive (the forecast regime's shift), hedge (perp trades that keep the delta in the band); answers the vault's rebalancing.");
        vaults.MapGet("/rebalancing", RebalancingAsync).WithName("ReadRebalancing")
            .WithSummary("The vault's rebalancing settings, the request in progress, its sales and its hedge positions.");
    }

    private static async Task<IResult> ConfigureAsync(string protocolId, string chain, RebalancingBody body, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VaultEndpoints.Vault(protocolId, chain, caller, grains, allowOperator: false)
            .ConfigureRebalancing(new Mesh.Vaults.RebalanceSettings(body.AutoSell, body.Predictive, body.Hedge), cancellationToken));

    private static async Task<IResult> RebalancingAsync(string protocolId, string chain, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VaultEndpoints.Vault(protocolId, chain, caller, grains, allowOperator: true).Rebalancing(cancellationToken));

    private static async Task<IResult> AllocationAsync(string protocolId, string chain, [FromQuery(Name = "predictive")] string? predictive, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var vault = VaultEndpoints.Vault(protocolId, chain, caller, grains, allowOperator: true);
        return TypedResults.Ok(await vault.AllocationAdvice(Predictive(predictive), cancellationToken));
    }

    private static async Task<IResult> HedgeAsync(string protocolId, string chain, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VaultEndpoints.Vault(protocolId, chain, caller, grains, allowOperator: true).HedgeAdvice(cancellationToken));

    /// <summary>The mode: absent is predictive; otherwise exactly <c>true</c> or <c>false</c>.</summary>
    private static bool Predictive(string? value) => value switch
    {
        null or "true" => true,
        "false" => false,
        _ => throw new ApiException(400, ApiErrorCodes.InvalidParameter, "predictive: must be true or false.", "predictive"),
    };
}
