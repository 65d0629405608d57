using Mesh.Api.Authentication;
using Mesh.Api.Idempotency;
using Mesh.Errors;
using Mesh.Vaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>A protocol's vaults: movements (idempotent), exposures, health.</summary>
internal static class VaultEndpoints
{
    private delegate Task<OperationReceipt> Movement(IVaultGrain vault, VaultMovement movement, CancellationToken cancellationToken);

    public static void Map(RouteGroupBuilder api)
    {
        var vaults = api.MapGroup("/protocols/{protocolId}/vaults/{chain}").WithTags("Vaults");
        MapMovement(vaults, "deposits", "Deposit", "Deposits from the protocol's account; pending until final on the chain.", (v, m, c) => v.Deposit(m, c));
        MapMovement(vaults, "withdrawals", "Withdraw", "Withdraws to the protocol's account; refused below the health band.", (v, m, c) => v.Withdraw(m, c));
        MapMovement(vaults, "draws", "DrawCredit", "Draws credit from the asset's pool into the vault.", (v, m, c) => v.Draw(m, c));
        MapMovement(vaults, "repayments", "RepayCredit", "Repays credit from the vault's balance.", (v, m, c) => v.Repay(m, c));
        MapMovement(vaults, "supplies", "SupplyLiquidity", "Supplies the vault's balance to the asset's pool as a lender.", (v, m, c) => v.Supply(m, c));
        MapMovement(vaults, "redemptions", "RedeemLiquidity", "Redeems pool shares (amount in shares) back into the vault.", (v, m, c) => v.Redeem(m, c));
        vaults.MapGet("/operations/{operationId}", ReadOperationAsync).RequireAuthorization(ApiPolicies.Protocol).WithName("ReadOperation");
        vaults.MapPut("/exposures", ReportAsync).RequireAuthorization(ApiPolicies.Protocol).WithName("ReportExposures").WithSummary("Replaces the vault's book and returns its health.");
        vaults.MapGet("/exposures", ExposuresAsync).WithName("ReadExposures");
        vaults.MapGet("/health", HealthAsync).WithName("ReadVaultHealth").WithSummary("Collateral after haircuts per asset, margin, health factor, Greeks, band and need.");
    }

    private static void MapMovement(RouteGroupBuilder vaults, string path, string name, string summary, Movement move) =>
        vaults.MapPost($"/{path}", async (string protocolId, string chain, MovementBody body, ApiCaller caller, IdempotencyContext idempotency, IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            var vault = Vault(protocolId, chain, caller, grains, allowOperator: false);
            var receipt = await move(vault, new VaultMovement(idempotency.OperationId.ToString("N"), body.Asset, body.Amount.Value), cancellationToken);
            return Answer(receipt, protocolId, chain);
        }).RequireAuthorization(ApiPolicies.Protocol).RequireIdempotency().WithName(name).WithSummary(summary);

    private static IResult Answer(OperationReceipt receipt, string protocolId, string chain) => receipt.Status switch
    {
        OperationStatus.Completed => TypedResults.Ok(receipt),
        OperationStatus.Pending => TypedResults.Accepted($"/api/protocols/{protocolId}/vaults/{chain}/operations/{receipt.OperationId}", receipt),
        _ => throw new MeshException(MeshErrorKind.Refused, receipt.Reason ?? "operation.failed", $"Operation {receipt.OperationId} failed ({receipt.Reason}); nothing moved."),
    };

    private static async Task<IResult> ReadOperationAsync(string protocolId, string chain, string operationId, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var receipt = await Vault(protocolId, chain, caller, grains, allowOperator: false).Operation(operationId, cancellationToken)
            ?? throw new MeshException(MeshErrorKind.NotFound, "operation.not_found", $"The vault has no operation {operationId}.");
        return TypedResults.Ok(receipt);
    }

    private static async Task<IResult> ReportAsync(string protocolId, string chain, ExposuresBody body, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Vault(protocolId, chain, caller, grains, allowOperator: false).ReportExposures(body.Exposures, cancellationToken));

    private static async Task<IResult> ExposuresAsync(string protocolId, string chain, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ExposuresBody(await Vault(protocolId, chain, caller, grains, allowOperator: true).Exposures(cancellationToken)));

    private static async Task<IResult> HealthAsync(string protocolId, string chain, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Vault(protocolId, chain, caller, grains, allowOperator: true).Health(cancellationToken));

    internal static IVaultGrain Vault(string protocolId, string chain, ApiCaller caller, IGrainFactory grains, bool allowOperator)
    {
        caller.EnsureProtocol(protocolId, allowOperator);
        return grains.GetGrain<IVaultGrain>(new VaultKey(protocolId, Json.ApiNames.Chain(chain)).ToString());
    }
}
