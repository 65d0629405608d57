using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Protocols;
using Mesh.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Transfers;

/// <summary>
/// One cross-chain transfer's saga (key: the router's request id). Every step that sends something to a chain is
/// written first (the phase and a "submitted" flag), and every chain operation's id is derived from the request id
/// (<c>transfer/{id}/lock</c>, <c>/release</c>, <c>/refund</c>), so a step repeated after a crash is the same
/// transaction. A grain timer follows the chains while the grain is active; a durable reminder reactivates it after a
/// crash. Non-reentrant: one step at a time.
/// </summary>
internal sealed partial class TransferGrain(
    [PersistentState("transfer")] IPersistentState<TransferState> state,
    ChainsConfiguration chains,
    IChainClientProvider chainClients,
    IOptions<TransferOptions> options,
    [FromKeyedServices(TransferServices.ClockKey)] TimeProvider time,
    ILogger<TransferGrain> logger) : Grain, ITransferGrain, IRemindable
{
    internal const string Cancelled = "transfer.cancelled";

    private TransferOptions Options => options.Value;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.ExecuteRequested && !IsTerminal(state.State.Phase))
        {
            EnsurePolling();
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopPolling();
        return Task.CompletedTask;
    }

    public async Task<TransferQuote> Quote(TransferQuoteRequest request, CancellationToken cancellationToken = default)
    {
        TransferRequestValidator.CheckId(Id);
        TransferRequestValidator.Check(request, Options);
        var s = state.State;
        if (s.Quote is { } existing)
        {
            if (existing.Request != request)
            {
                throw new MeshException(MeshErrorKind.Conflict, "transfer.conflict", $"Request {Id} was quoted for another transfer ({Describe(existing.Request)}); use a new request id.");
            }

            if (s.Phase != TransferPhase.Quoted || s.ExecuteRequested || time.GetUtcNow() <= existing.ExpiresAt)
            {
                return existing;
            }
        }

        var planned = await PlanAsync(request, cancellationToken);
        var account = await RequireMemberAsync(request, cancellationToken);
        var plan = planned.Plan ?? throw new MeshException(
            MeshErrorKind.Refused,
            "route.unavailable",
            $"No route carries {request.Amount} {request.Asset} from {request.From} to {request.To}: {string.Join("; ", planned.Refusals.Select(r => $"{r.Path}: {r.Detail} ({r.Code})"))}");
        var now = time.GetUtcNow();
        var quote = new TransferQuote(Id, request, plan.Path, plan.Delivered, plan.Fee, plan.Duration, now, now + Options.QuoteTtl);
        var first = s.Quote is null;
        await Commit(t =>
        {
            t.Quote = quote;
            t.Account = account;
            if (first)
            {
                Enter(t, TransferPhase.Quoted, $"quoted {plan.Path}: {plan.Delivered} delivered, fee {plan.Fee}, expires {quote.ExpiresAt:O}");
            }
            else
            {
                t.Steps.Add(new TransferStep(TransferPhase.Quoted, now, $"quoted again: {plan.Delivered} delivered, fee {plan.Fee}, expires {quote.ExpiresAt:O}"));
            }
        }, cancellationToken);
        return quote;
    }

    public async Task<TransferStatus> Execute(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        var quote = RequireQuote();
        if (s.Reason == Cancelled)
        {
            throw new MeshException(MeshErrorKind.Conflict, Cancelled, $"Transfer {Id} was cancelled; use a new request id.");
        }

        var firstExecute = !s.ExecuteRequested;
        if (firstExecute)
        {
            if (time.GetUtcNow() > quote.ExpiresAt)
            {
                throw new MeshException(MeshErrorKind.Refused, "quote.expired", $"The quote of transfer {Id} expired at {quote.ExpiresAt:O}; quote again.");
            }

            await Commit(t =>
            {
                t.ExecuteRequested = true;
                t.Steps.Add(new TransferStep(TransferPhase.Quoted, time.GetUtcNow(), "executed"));
            }, cancellationToken);
        }

        if (!IsTerminal(state.State.Phase))
        {
            // A durable wake-up before anything leaves this grain: if the silo dies mid-saga, the reminder resumes it.
            await EnsureReminder(firstExecute, cancellationToken);
            EnsurePolling();
        }

        await Drive(cancellationToken);
        return View();
    }

    public Task<TransferStatus> Status(CancellationToken cancellationToken = default)
    {
        RequireQuote();
        return Task.FromResult(View());
    }

    public async Task<TransferStatus> Cancel(CancellationToken cancellationToken = default)
    {
        RequireQuote();
        var s = state.State;
        if (s.Reason == Cancelled)
        {
            return View();
        }

        switch (s.Phase)
        {
            case TransferPhase.Quoted when !s.ExecuteRequested:
                await Commit(t =>
                {
                    Enter(t, TransferPhase.Failed, "cancelled while quoted");
                    (t.Reason, t.ReasonDetail) = (Cancelled, "The router cancelled the transfer before executing it.");
                }, cancellationToken);
                return View();
            case TransferPhase.Quoted:
            case TransferPhase.Reserved:
                await Commit(t =>
                {
                    Enter(t, TransferPhase.Compensating, "cancelled before the lock: freeing the reservation");
                    (t.Reason, t.ReasonDetail) = (Cancelled, "The router cancelled the transfer before the lock.");
                }, cancellationToken);
                await Drive(cancellationToken);
                return View();
            default:
                throw new MeshException(
                    MeshErrorKind.Conflict,
                    "transfer.locked",
                    IsTerminal(s.Phase) ? $"Transfer {Id} has already ended ({s.Phase})." : $"Transfer {Id} is {s.Phase}: its lock is submitted, it can no longer be cancelled.");
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder)
        {
            return;
        }

        if (state.State.ExecuteRequested && !IsTerminal(state.State.Phase))
        {
            EnsurePolling();
        }

        await Drive(CancellationToken.None);
    }

    private TransferQuote RequireQuote() =>
        state.State.Quote ?? throw new MeshException(MeshErrorKind.NotFound, "transfer.not_found", $"There is no transfer {Id}; quote it first.");

    private TransferStatus View()
    {
        var s = state.State;
        var stuck = s.ExecuteRequested && !IsTerminal(s.Phase) && time.GetUtcNow() - s.PhaseSince > Options.StuckAfter;
        return new TransferStatus(
            Id, s.Phase, s.Quote!, s.Reason, s.ReasonDetail, s.Locked, s.Released, s.Refunded, s.FeeRetained,
            s.LockTransaction, s.ReleaseTransaction, s.RefundTransaction, s.PhaseSince, stuck, [.. s.Steps]);
    }

    private static bool IsTerminal(TransferPhase phase) => phase is TransferPhase.Settled or TransferPhase.Compensated or TransferPhase.Failed;

    private static string Describe(TransferQuoteRequest r) => $"{r.Amount} {r.Asset} of {r.ProtocolId} from {r.From} to {r.To} within {r.Deadline}";

    private async Task<string> RequireMemberAsync(TransferQuoteRequest request, CancellationToken cancellationToken)
    {
        var protocol = await GrainFactory.GetGrain<IProtocolGrain>(request.ProtocolId).Read(cancellationToken)
            ?? throw new MeshException(MeshErrorKind.NotFound, "protocol.not_found", $"protocolId: there is no protocol '{request.ProtocolId}'.", "protocolId");
        if (protocol.Status != ProtocolStatus.Active)
        {
            throw new MeshException(MeshErrorKind.Refused, "protocol.not_active", $"Protocol {request.ProtocolId} is {protocol.Status}; it may not transfer.", "protocolId");
        }

        foreach (var (field, chain) in new[] { ("from", request.From), ("to", request.To) })
        {
            if (!protocol.Chains.Contains(chain, StringComparer.Ordinal))
            {
                throw new MeshException(MeshErrorKind.Refused, "protocol.chain_not_joined", $"{field}: protocol {request.ProtocolId} did not join with chain {chain}.", field);
            }
        }

        return protocol.Account;
    }

    /// <summary>
    /// Applies a change, checks the transfer's conservation, and writes it; a failed write (or a broken invariant)
    /// leaves the state as it was before the change.
    /// </summary>
    private async Task Commit(Action<TransferState> change, CancellationToken cancellationToken)
    {
        var before = Snapshot(state.State);
        var phase = state.State.Phase;
        try
        {
            change(state.State);
            TransferConservation.Check(Id, state.State);
            using var span = state.State.Phase != phase || before.Quote is null ? TransferDiagnostics.Step(state.State.Phase.ToString().ToLowerInvariant(), Id, phase) : null;
            span?.SetTag(TransferDiagnostics.ReasonTag, state.State.Reason);
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State = before;
            throw;
        }

        if (state.State.Phase != phase || before.Quote is null)
        {
            Diagnostics.GrainsMetrics.TransferPhase(before.Quote is null ? null : phase, state.State.Phase, state.State.Steps.Count > 0 ? state.State.Steps[0].At : time.GetUtcNow(), time.GetUtcNow());
            LogPhase(logger, Id, phase, state.State.Phase, state.State.Steps.Count > 0 ? state.State.Steps[^1].Note : "");
        }
    }

    private void Enter(TransferState s, TransferPhase phase, string note)
    {
        var now = time.GetUtcNow();
        s.Phase = phase;
        s.PhaseSince = now;
        s.Steps.Add(new TransferStep(phase, now, note));
    }

    private static TransferState Snapshot(TransferState s) => new()
    {
        Quote = s.Quote,
        Account = s.Account,
        Phase = s.Phase,
        PhaseSince = s.PhaseSince,
        ExecuteRequested = s.ExecuteRequested,
        LockSubmitted = s.LockSubmitted,
        LockResolved = s.LockResolved,
        ReleaseSubmitted = s.ReleaseSubmitted,
        RefundSubmitted = s.RefundSubmitted,
        Locked = s.Locked,
        Released = s.Released,
        Refunded = s.Refunded,
        FeeRetained = s.FeeRetained,
        Reason = s.Reason,
        ReasonDetail = s.ReasonDetail,
        LockTransaction = s.LockTransaction,
        ReleaseTransaction = s.ReleaseTransaction,
        RefundTransaction = s.RefundTransaction,
        Steps = [.. s.Steps],
    };
}
