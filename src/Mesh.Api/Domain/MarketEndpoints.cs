using Mesh.Api.Authentication;
using Mesh.Chains;
using Mesh.Oracles;
using Mesh.Pools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>Pools and oracles: state for every role, observations from feeders.</summary>
internal static class MarketEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/pools/{asset}", async (string asset, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grains.GetGrain<ICollateralPoolGrain>(Json.ApiNames.Asset(asset)).Summary(cancellationToken)))
            .WithTags("Pools").WithName("ReadPool").WithSummary("Liquidity, credit, utilization and rates of an asset's pool.");
        api.MapGet("/pools/{asset}/limits", async (string asset, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grains.GetGrain<ICollateralPoolGrain>(Json.ApiNames.Asset(asset)).Limits(cancellationToken)))
            .WithTags("Pools").WithName("ReadPoolLimits").WithSummary("The pool's credit limits, the market stress shrinking them now, and its recalls.");
        api.MapPut("/operator/pools/{asset}/limits", async (string asset, LimitsBody body, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grains.GetGrain<ICollateralPoolGrain>(Json.ApiNames.Asset(asset)).SetLimits(ToLimits(body), caller.KeyId, cancellationToken)))
            .RequireAuthorization(ApiPolicies.Operator).WithTags("Operator").WithName("SetPoolLimits")
            .WithSummary("Replaces the pool's limits; credit they no longer allow is recalled from the vaults under them, pro rata.");
        api.MapGet("/oracles/{asset}", async (string asset, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grains.GetGrain<IOracleGrain>(Json.ApiNames.Asset(asset)).Snapshot(cancellationToken)))
            .WithTags("Oracles").WithName("ReadOracle").WithSummary("The aggregate price, rejected sources, volatility, regime and breaker.");
        api.MapGet("/chains/{chain}", async (string chain, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grains.GetGrain<IChainGrain>(Json.ApiNames.Chain(chain)).Status(cancellationToken)))
            .WithTags("Chains").WithName("ReadChain").WithSummary("Head, finality, RPC health, reorganisations and the mesh's inventory on a chain.");
        api.MapPost("/oracles/{asset}/observations", async (string asset, ObservationBody body, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await grains.GetGrain<IOracleGrain>(Json.ApiNames.Asset(asset)).Observe(new PriceObservation(caller.Principal, body.Price, body.ObservedAt), cancellationToken)))
            .RequireAuthorization(ApiPolicies.OracleFeeder).WithTags("Oracles").WithName("ObservePrice").WithSummary("A feeder's observation; its source is the key's principal.");
    }

    private static PoolLimits ToLimits(LimitsBody body) => new(
        body.UtilizationCap,
        body.DefaultProtocolCap,
        new Dictionary<string, UInt128>(body.ProtocolCaps ?? new Dictionary<string, UInt128>(), StringComparer.Ordinal),
        body.DefaultRiskFactorCap is { } d ? new RiskFactorLimit(d.Absolute, d.Relative) : null,
        (body.RiskFactorCaps ?? new Dictionary<string, RiskFactorBody>()).ToDictionary(
            f => f.Key,
            f => f.Value is { } cap ? new RiskFactorLimit(cap.Absolute, cap.Relative) : null!,
            StringComparer.Ordinal));
}
