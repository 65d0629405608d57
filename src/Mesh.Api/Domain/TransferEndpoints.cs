using Mesh.Api.Authentication;
using Mesh.Api.Idempotency;
using Mesh.Api.Json;
using Mesh.Api.Problems;
using Mesh.Errors;
using Mesh.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>
/// Cross-chain transfers: routers quote, execute (idempotent), read and cancel their own transfers (the grain key is
/// <c>router:requestId</c>, so a router never sees another's); operators list those in flight and those stuck.
/// </summary>
internal static class TransferEndpoints
{
    private const long MaxDeadlineSeconds = 86_400;

    public static void Map(RouteGroupBuilder api)
    {
        var transfers = api.MapGroup("/transfers/{requestId}").RequireAuthorization(ApiPolicies.Router).WithTags("Transfers");
        transfers.MapPost("/quote", QuoteAsync).WithName("QuoteTransfer").WithSummary("Prices the cheapest route that fits; the quote expires.");
        transfers.MapPost("/execute", ExecuteAsync).RequireIdempotency().WithName("ExecuteTransfer")
            .WithSummary("Reserves the destination's inventory and starts the saga; it then runs by itself (202 while in flight).");
        transfers.MapGet("/", StatusAsync).WithName("ReadTransfer").WithSummary("The transfer's phase, amounts, transactions and trace.");
        transfers.MapPost("/cancel", CancelAsync).WithName("CancelTransfer").WithSummary("Cancels before the lock; refused once the lock is submitted.");
        var operators = api.MapGroup("/operator/transfers").RequireAuthorization(ApiPolicies.Operator).WithTags("Operator");
        operators.MapGet("/", InFlightAsync).WithName("ListTransfersInFlight").WithSummary("Every executed transfer that has not ended, in id order.");
        operators.MapGet("/stuck", StuckAsync).WithName("ListStuckTransfers").WithSummary("The transfers in flight that stayed in one phase longer than they should.");
    }

    private static async Task<Ok<TransferQuote>> QuoteAsync(string requestId, TransferQuoteBody body, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var transfer = Transfer(requestId, caller, grains);
        if (body.DeadlineSeconds is < 1 or > MaxDeadlineSeconds)
        {
            throw MeshException.Invalid("deadlineSeconds", "deadline.out_of_range", $"deadlineSeconds must be from 1 to {MaxDeadlineSeconds}; it is {body.DeadlineSeconds}.");
        }

        var request = new TransferQuoteRequest(
            ApiNames.Principal(body.ProtocolId, "protocolId"),
            ApiNames.Asset(body.Asset),
            ApiNames.Chain(body.From, "from"),
            ApiNames.Chain(body.To, "to"),
            body.Amount.Value,
            TimeSpan.FromSeconds(body.DeadlineSeconds));
        return TypedResults.Ok(await transfer.Quote(request, cancellationToken));
    }

    private static async Task<IResult> ExecuteAsync(string requestId, ApiCaller caller, IdempotencyContext idempotency, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // The grain dedupes by the request id itself: a retry under any Idempotency-Key is the same transfer.
        _ = idempotency;
        var status = await Transfer(requestId, caller, grains).Execute(cancellationToken);
        return status.Phase switch
        {
            TransferPhase.Failed => throw new MeshException(MeshErrorKind.Refused, status.Reason ?? "transfer.failed", status.ReasonDetail ?? $"Transfer {requestId} failed; nothing moved."),
            _ when status.IsTerminal => TypedResults.Ok(status),
            _ => TypedResults.Accepted($"{MeshApiEndpointRouteBuilderExtensions.Prefix}/transfers/{requestId}", status),
        };
    }

    private static async Task<Ok<TransferStatus>> StatusAsync(string requestId, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Transfer(requestId, caller, grains).Status(cancellationToken));

    private static async Task<Ok<TransferStatus>> CancelAsync(string requestId, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Transfer(requestId, caller, grains).Cancel(cancellationToken));

    private static async Task<Ok<IReadOnlyList<TransferStatus>>> InFlightAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await InFlight(grains, cancellationToken));

    private static async Task<Ok<IReadOnlyList<TransferStatus>>> StuckAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TransferStatus>>([.. (await InFlight(grains, cancellationToken)).Where(s => s.Stuck)]);

    private static async Task<IReadOnlyList<TransferStatus>> InFlight(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<ITransferIndexGrain>(ITransferIndexGrain.Key).InFlight(cancellationToken);
        var statuses = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITransferGrain>(id).Status(cancellationToken)));
        // A transfer that ended between the index read and its own read is no longer in flight.
        return [.. statuses.Where(s => !s.IsTerminal)];
    }

    private static ITransferGrain Transfer(string requestId, ApiCaller caller, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(requestId) || requestId.Length > 64 || !char.IsAsciiLetterOrDigit(requestId[0])
            || !requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ApiException(400, ApiErrorCodes.InvalidName, "requestId: must be 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.", "requestId");
        }

        return grains.GetGrain<ITransferGrain>($"{caller.Principal}:{requestId}");
    }
}
