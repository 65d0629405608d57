using Orleans.Runtime;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Protocols;
using Mesh.Vaults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Protocols;

/// <summary>A protocol's membership: validated join, approval or automatic admission, suspension, leave.</summary>
internal sealed partial class ProtocolGrain(
    [PersistentState("protocol")] IPersistentState<ProtocolState> state,
    ChainsConfiguration chains,
    IOptions<ProtocolAdmissionOptions> admission,
    TimeProvider time,
    ILogger<ProtocolGrain> logger) : Grain, IProtocolGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<ProtocolView> Join(JoinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        JoinRequestValidator.ProtocolId(Id);
        JoinRequestValidator.Check(request, chains);
        var s = state.State;
        if (s.Status != ProtocolStatus.None)
        {
            if (s.Name == request.Name && s.Contact == request.Contact && s.RequestedTier == request.RequestedTier && string.Equals(s.Account, request.Account, StringComparison.OrdinalIgnoreCase) && s.Chains.SequenceEqual(request.Chains) && s.Status != ProtocolStatus.Left)
            {
                return View();
            }

            throw new MeshException(MeshErrorKind.Conflict, "protocol.already_joined", $"Protocol {Id} has already joined (status {s.Status}); a different request cannot replace it.");
        }

        // Listed before the join is written: a crash in between leaves an id without a protocol, which readers skip,
        // never a protocol that operators and the conservation audit cannot find.
        await ProtocolDirectory.AddAsync(GrainFactory, Id, cancellationToken);
        var now = time.GetUtcNow();
        var previous = state.State;
        var auto = admission.Value.AutoApproveUpTo is { } limit && request.RequestedTier <= limit;
        state.State = new ProtocolState
        {
            Name = request.Name,
            Chains = [.. request.Chains],
            Contact = request.Contact,
            Account = request.Account.ToLowerInvariant(),
            RequestedTier = request.RequestedTier,
            Tier = auto ? request.RequestedTier : null,
            Status = auto ? ProtocolStatus.Active : ProtocolStatus.Pending,
            StatusReason = auto ? $"approved automatically (tiers up to {admission.Value.AutoApproveUpTo})" : "waiting for an operator",
            JoinedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State = previous;
            throw;
        }

        LogJoined(logger, Id, request.RequestedTier, state.State.Status);
        return View();
    }

    public Task<ProtocolView> Approve(RiskTier? tier, string approvedBy, CancellationToken cancellationToken = default)
    {
        Require(ProtocolStatus.Pending, "approve");
        if (tier is { } t && (!Enum.IsDefined(t) || t > state.State.RequestedTier))
        {
            throw MeshException.Invalid("tier", "protocol.tier_above_request", $"tier must be a known tier no higher than the requested {state.State.RequestedTier}.");
        }

        return Transition(ProtocolStatus.Active, $"approved by {approvedBy}", cancellationToken, tier ?? state.State.RequestedTier);
    }

    public Task<ProtocolView> Reject(string reason, CancellationToken cancellationToken = default)
    {
        Require(ProtocolStatus.Pending, "reject");
        return Transition(ProtocolStatus.Rejected, Reason(reason), cancellationToken);
    }

    public Task<ProtocolView> Suspend(string reason, CancellationToken cancellationToken = default)
    {
        Require(ProtocolStatus.Active, "suspend");
        return Transition(ProtocolStatus.Suspended, Reason(reason), cancellationToken);
    }

    public Task<ProtocolView> Reinstate(CancellationToken cancellationToken = default)
    {
        Require(ProtocolStatus.Suspended, "reinstate");
        return Transition(ProtocolStatus.Active, "reinstated", cancellationToken);
    }

    public async Task<ProtocolView> Leave(CancellationToken cancellationToken = default)
    {
        var status = state.State.Status;
        if (status is ProtocolStatus.None or ProtocolStatus.Left or ProtocolStatus.Rejected)
        {
            throw new MeshException(MeshErrorKind.Conflict, "protocol.not_member", $"Protocol {Id} is not a member (status {status}).");
        }

        foreach (var chain in state.State.Chains)
        {
            var reason = await GrainFactory.GetGrain<IVaultGrain>(new VaultKey(Id, chain).ToString()).Encumbrance(cancellationToken);
            if (reason is not null)
            {
                throw new MeshException(MeshErrorKind.Conflict, "protocol.encumbered", $"Protocol {Id} cannot leave: its vault on {chain} {reason}.");
            }
        }

        return await Transition(ProtocolStatus.Left, "left the mesh", cancellationToken);
    }

    public Task<ProtocolView?> Read(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Status == ProtocolStatus.None ? null : View());

    private void Require(ProtocolStatus expected, string action)
    {
        if (state.State.Status != expected)
        {
            var code = state.State.Status == ProtocolStatus.None ? "protocol.not_found" : "protocol.wrong_status";
            var kind = state.State.Status == ProtocolStatus.None ? MeshErrorKind.NotFound : MeshErrorKind.Conflict;
            throw new MeshException(kind, code, $"Cannot {action} protocol {Id}: it is {state.State.Status}, not {expected}.");
        }
    }

    private static string Reason(string reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > 500
            ? throw MeshException.Invalid("reason", "protocol.malformed_reason", "reason must be 1-500 characters.")
            : reason;

    private async Task<ProtocolView> Transition(ProtocolStatus to, string reason, CancellationToken cancellationToken, RiskTier? tier = null)
    {
        var s = state.State;
        var (from, fromReason, fromTier, fromUpdated) = (s.Status, s.StatusReason, s.Tier, s.UpdatedAt);
        s.Status = to;
        s.StatusReason = reason;
        s.Tier = tier ?? s.Tier;
        s.UpdatedAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            (s.Status, s.StatusReason, s.Tier, s.UpdatedAt) = (from, fromReason, fromTier, fromUpdated);
            throw;
        }

        LogTransition(logger, Id, from, to);
        return View();
    }

    private ProtocolView View()
    {
        var s = state.State;
        return new ProtocolView(Id, s.Name, [.. s.Chains], s.Contact, s.RequestedTier, s.Tier, s.Status, s.StatusReason, s.JoinedAt, s.UpdatedAt, s.Account);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Protocol {ProtocolId} asked to join at tier {Tier}: {Status}")]
    private static partial void LogJoined(ILogger logger, string protocolId, RiskTier tier, ProtocolStatus status);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Protocol {ProtocolId}: {From} -> {To}")]
    private static partial void LogTransition(ILogger logger, string protocolId, ProtocolStatus from, ProtocolStatus to);
}
