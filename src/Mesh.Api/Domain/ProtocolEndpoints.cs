using Mesh.Api.Authentication;
using Mesh.Api.Keys;
using Mesh.Errors;
using Mesh.Protocols;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Domain;

/// <summary>Joining, approval, suspension and leaving.</summary>
internal static class ProtocolEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        // Joining needs no key (a protocol has none yet); it is rate limited per address like every anonymous call.
        endpoints.MapMeshApiGroup(MeshApiEndpointRouteBuilderExtensions.Prefix).AllowAnonymous().WithTags("Protocols")
            .MapPost("/protocols", JoinAsync).WithName("JoinProtocol").WithSummary("Asks to join; active at once within the automatic-approval tiers, else pending an operator.");
        var protocols = api.MapGroup("/protocols/{protocolId}").WithTags("Protocols");
        protocols.MapGet("/", ReadAsync).WithName("ReadProtocol").WithSummary("Reads a protocol (its own key or an operator's).");
        protocols.MapPost("/leave", LeaveAsync).RequireAuthorization(ApiPolicies.Protocol).WithName("LeaveProtocol").WithSummary("Leaves the mesh; refused while anything is encumbered.");
        var operators = api.MapGroup("/operator/protocols/{protocolId}").RequireAuthorization(ApiPolicies.Operator).WithTags("Operator");
        operators.MapPost("/approve", ApproveAsync).WithName("ApproveProtocol").WithSummary("Approves a pending protocol; the answer holds its API key, shown once.");
        operators.MapPost("/reject", RejectAsync).WithName("RejectProtocol");
        operators.MapPost("/suspend", SuspendAsync).WithName("SuspendProtocol").WithSummary("Suspends a protocol: it may then only reduce risk.");
        operators.MapPost("/reinstate", ReinstateAsync).WithName("ReinstateProtocol");
    }

    private static async Task<Results<Created<AdmissionResponse>, Ok<AdmissionResponse>>> JoinAsync(JoinBody body, IGrainFactory grains, ApiKeyService keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.ProtocolId))
        {
            // Orleans refuses an empty grain key (a 500); the grain's own check gives the other malformed ids their answer.
            throw MeshException.Invalid("protocolId", "protocol.malformed_id", "protocolId must be 2-32 lower-case letters, digits and inner hyphens.");
        }

        var grain = grains.GetGrain<IProtocolGrain>(body.ProtocolId);
        var before = await grain.Read(cancellationToken);
        var view = await grain.Join(new JoinRequest(body.Name, body.Chains, body.Contact, body.RequestedTier, body.Account), cancellationToken);
        if (before is not null)
        {
            return TypedResults.Ok(new AdmissionResponse(view, null));
        }

        var key = view.Status == ProtocolStatus.Active ? await IssueKey(keys, view, cancellationToken) : null;
        return TypedResults.Created($"/api/protocols/{view.ProtocolId}", new AdmissionResponse(view, key));
    }

    private static async Task<Ok<ProtocolView>> ReadAsync(string protocolId, ApiCaller caller, IGrainFactory grains, CancellationToken cancellationToken)
    {
        caller.EnsureProtocol(protocolId, allowOperator: true);
        var view = await grains.GetGrain<IProtocolGrain>(protocolId).Read(cancellationToken)
            ?? throw new MeshException(MeshErrorKind.NotFound, "protocol.not_found", $"Protocol {protocolId} has not joined.");
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<ProtocolView>> LeaveAsync(string protocolId, ApiCaller caller, IGrainFactory grains, ApiKeyService keys, CancellationToken cancellationToken)
    {
        caller.EnsureProtocol(protocolId);
        var view = await grains.GetGrain<IProtocolGrain>(protocolId).Leave(cancellationToken);
        // A protocol that left has no business with the mesh: its keys stop working (this one included) once it is out.
        await keys.RevokeProtocolKeysAsync(protocolId, cancellationToken);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<AdmissionResponse>> ApproveAsync(string protocolId, ApproveBody body, ApiCaller caller, IGrainFactory grains, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var view = await grains.GetGrain<IProtocolGrain>(protocolId).Approve(body.Tier, caller.KeyId, cancellationToken);
        return TypedResults.Ok(new AdmissionResponse(view, await IssueKey(keys, view, cancellationToken)));
    }

    private static async Task<Ok<ProtocolView>> RejectAsync(string protocolId, ReasonBody body, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<IProtocolGrain>(protocolId).Reject(body.Reason, cancellationToken));

    private static async Task<Ok<ProtocolView>> SuspendAsync(string protocolId, ReasonBody body, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<IProtocolGrain>(protocolId).Suspend(body.Reason, cancellationToken));

    private static async Task<Ok<ProtocolView>> ReinstateAsync(string protocolId, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<IProtocolGrain>(protocolId).Reinstate(cancellationToken));

    private static async Task<string> IssueKey(ApiKeyService keys, ProtocolView view, CancellationToken cancellationToken) =>
        (await keys.CreateAsync(ApiRole.Protocol, view.ProtocolId, $"{view.Name} (issued on admission)", cancellationToken)).Key;
}
