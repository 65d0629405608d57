using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Errors;
using Mesh.Transfers;
using ChainKind = Mesh.Chains.Clients.OperationKind;

namespace Mesh.Grains.Transfers;

/// <summary>
/// The saga's steps. <see cref="Drive"/> runs steps until one has to wait for a chain; each step returns whether it
/// moved the transfer on.
/// </summary>
/// <remarks>
/// The refund rule: a transfer refunds its lock only when the release can never pay. That holds in three cases only:
/// (1) the release was never sent: the destination was judged halted while the lock was pending, or halted or
/// unreachable just before the release (<see cref="TransferState.ReleaseSubmitted"/> is written before the release
/// is signed, so a crash in between counts as sent); (2) the release reverted in a final block (that transaction can
/// never run again, and the saga never sends the release's id again); (3) the destination knows nothing of the
/// release (no receipt, no Movement event of its id, no pending transaction) and refuses its resubmission outright:
/// the EVM client resends the same signed bytes first and signs anew only once their nonce is taken, so the first
/// signing can no longer be mined either. A sent release that is pending, or that a halted or unreachable destination
/// cannot be asked about, may still be mined later: it is waited for (resent under the same id, which the vault takes
/// once) and the transfer is shown as stuck after <see cref="TransferOptions.StuckAfter"/>; it is never answered
/// with a refund, because both would then pay.
/// </remarks>
internal sealed partial class TransferGrain
{
    private async Task Drive(CancellationToken cancellationToken)
    {
        try
        {
            for (var steps = 0; steps < 16 && await Step(cancellationToken); steps++)
            {
            }
        }
        catch (ChainClientException e) when (e.IsTransient)
        {
            // Timeout or unavailable: nothing was decided; the next poll asks again with the same operation ids.
            LogChainRetry(logger, Id, state.State.Phase, e.ChainName, e.Code);
        }
        catch (MeshException e) when (e.Kind == MeshErrorKind.Unavailable)
        {
            LogChainRetry(logger, Id, state.State.Phase, "", e.Code);
        }

        if (IsTerminal(state.State.Phase))
        {
            await Finish(cancellationToken);
        }
    }

    private Task<bool> Step(CancellationToken cancellationToken) => state.State.Phase switch
    {
        TransferPhase.Quoted => state.State.ExecuteRequested ? Reserve(cancellationToken) : Task.FromResult(false),
        TransferPhase.Reserved => StartLock(cancellationToken),
        TransferPhase.Locking => FollowLock(cancellationToken),
        TransferPhase.Locked => StartRelease(cancellationToken),
        TransferPhase.Releasing => FollowRelease(cancellationToken),
        TransferPhase.Released => Settle(cancellationToken),
        TransferPhase.Compensating => Compensate(cancellationToken),
        _ => Task.FromResult(false),
    };

    /// <summary>Admits the transfer on its route, reserves the release on the destination's bridge and holds the refund on the source's, then records the reservation.</summary>
    private async Task<bool> Reserve(CancellationToken cancellationToken)
    {
        var quote = state.State.Quote!;
        var indexed = GrainFactory.GetGrain<ITransferIndexGrain>(ITransferIndexGrain.Key).Add(Id, cancellationToken);
        var refused = await AdmitAsync(cancellationToken);
        await indexed;
        if (refused is { } refusal)
        {
            await Commit(t =>
            {
                Enter(t, TransferPhase.Failed, $"the route {quote.Path} refused it ({refusal})");
                (t.Reason, t.ReasonDetail) = (refusal, $"The route {quote.Path} cannot take {quote.Request.Amount} {quote.Request.Asset} now ({refusal}); nothing was locked. Quote again later.");
            }, cancellationToken);
            return true;
        }

        if (!await Inventory(quote.Request.To).Reserve(ReleaseClaim, quote.Delivered, cancellationToken))
        {
            await Commit(t =>
            {
                Enter(t, TransferPhase.Failed, $"{quote.Request.To}'s bridge cannot cover {quote.Delivered} {quote.Request.Asset}");
                (t.Reason, t.ReasonDetail) = ("inventory.insufficient", $"The bridge on {quote.Request.To} has less than {quote.Delivered} {quote.Request.Asset} free for releases; nothing was locked.");
            }, cancellationToken);
            return true;
        }

        await Inventory(quote.Request.From).Hold(RefundClaim, quote.Request.Amount, cancellationToken);
        try
        {
            // The source vault's books let go of the amount before the lock can take it on chain (checked there as a
            // withdrawal: balance, and the health factor staying in the band); a compensation gives it back.
            await SourceVault.TransferOut(new Mesh.Vaults.VaultMovement(VaultOperationId, quote.Request.Asset, quote.Request.Amount), cancellationToken);
        }
        catch (MeshException e) when (e.Kind is not MeshErrorKind.Unavailable)
        {
            await FreeClaims(cancellationToken);
            await Commit(t =>
            {
                Enter(t, TransferPhase.Failed, $"the vault of {quote.Request.ProtocolId} on {quote.Request.From} refused it ({e.Code})");
                (t.Reason, t.ReasonDetail) = (e.Code, $"{e.Message} Nothing was locked.");
            }, cancellationToken);
            return true;
        }

        await Commit(t => Enter(t, TransferPhase.Reserved, $"reserved {quote.Delivered} {quote.Request.Asset} on {quote.Request.To}; {quote.Request.Amount} out of the vault's books on {quote.Request.From}"), cancellationToken);
        return true;
    }

    private async Task<bool> StartLock(CancellationToken cancellationToken)
    {
        var quote = state.State.Quote!;
        await Commit(t =>
        {
            Enter(t, TransferPhase.Locking, $"locking {quote.Request.Amount} {quote.Request.Asset} on {quote.Request.From} (operation {LockId})");
            t.LockSubmitted = true;
        }, cancellationToken);
        return await SubmitOrCompensate(ChainKind.Lock, followNow: true, cancellationToken);
    }

    private async Task<bool> FollowLock(CancellationToken cancellationToken)
    {
        var status = await Source.GetOperationAsync(LockId, cancellationToken);
        var timedOut = time.GetUtcNow() - state.State.PhaseSince > Options.LockTimeout;
        switch (status.State)
        {
            case OperationState.Final:
                await Commit(t =>
                {
                    Enter(t, TransferPhase.Locked, $"lock final in block {status.BlockNumber} ({status.TransactionHash})");
                    (t.Locked, t.LockResolved, t.LockTransaction) = (t.Quote!.Request.Amount, true, status.TransactionHash?.ToString());
                }, cancellationToken);
                return true;
            case OperationState.Failed:
                await StartCompensation(status.FailureCode ?? "lock.failed", $"The lock reverted on {state.State.Quote!.Request.From}: {status.FailureReason}", t => t.LockResolved = true, cancellationToken);
                return true;
            case OperationState.Unknown when !timedOut:
                return await SubmitOrCompensate(ChainKind.Lock, followNow: false, cancellationToken);
            default:
                state.State.LockTransaction ??= status.TransactionHash?.ToString();
                if (!timedOut)
                {
                    return await CompensateIfDestinationHalted(cancellationToken);
                }

                await StartCompensation("lock.timeout", $"The lock was not final on {state.State.Quote!.Request.From} within {Options.LockTimeout}.", null, cancellationToken);
                return true;
        }
    }

    /// <summary>
    /// While the lock waits for finality, the destination is watched too: once it is judged halted the transfer
    /// compensates (it waits for the lock's fate, then refunds it), since the release has not been sent and now never is.
    /// </summary>
    private async Task<bool> CompensateIfDestinationHalted(CancellationToken cancellationToken)
    {
        var quote = state.State.Quote!;
        if (await HealthOf(quote.Request.To, cancellationToken) != ChainHealth.Halted)
        {
            return false;
        }

        await StartCompensation("destination.halted", $"{quote.Request.To} halted while the lock on {quote.Request.From} was becoming final; the release is never sent and the lock is refunded.", null, cancellationToken);
        return true;
    }

    private async Task<bool> StartRelease(CancellationToken cancellationToken)
    {
        var quote = state.State.Quote!;
        var health = await HealthOf(quote.Request.To, cancellationToken);
        if (health is ChainHealth.Halted or ChainHealth.Unreachable)
        {
            var code = health == ChainHealth.Halted ? "destination.halted" : "destination.unreachable";
            await StartCompensation(code, $"{quote.Request.To} is {health.ToString().ToLowerInvariant()}; the lock is refunded on {quote.Request.From}.", null, cancellationToken);
            return true;
        }

        // The destination vault expects the release before it is sent, so that the audit counts it in transit once the
        // chain has it; it is credited when the release is final.
        await DestinationVault.ExpectTransferIn(new Mesh.Vaults.VaultMovement(VaultOperationId, quote.Request.Asset, quote.Delivered), cancellationToken);
        await Commit(t =>
        {
            Enter(t, TransferPhase.Releasing, $"releasing {quote.Delivered} {quote.Request.Asset} on {quote.Request.To} (operation {ReleaseId})");
            t.ReleaseSubmitted = true;
        }, cancellationToken);
        return await SubmitOrCompensate(ChainKind.Release, followNow: true, cancellationToken);
    }

    private async Task<bool> FollowRelease(CancellationToken cancellationToken)
    {
        var status = await Destination.GetOperationAsync(ReleaseId, cancellationToken);
        switch (status.State)
        {
            case OperationState.Final:
                await Commit(t =>
                {
                    Enter(t, TransferPhase.Released, $"release final in block {status.BlockNumber} ({status.TransactionHash})");
                    (t.Released, t.ReleaseTransaction) = (t.Quote!.Delivered, status.TransactionHash?.ToString());
                }, cancellationToken);
                return true;
            case OperationState.Failed:
                // Reverted in a final block: nothing moved on the destination and the id is never submitted again.
                await StartCompensation(status.FailureCode ?? "release.failed", $"The release reverted on {state.State.Quote!.Request.To}: {status.FailureReason}", null, cancellationToken);
                return true;
            case OperationState.Unknown:
                return await SubmitOrCompensate(ChainKind.Release, followNow: false, cancellationToken);
            default:
                state.State.ReleaseTransaction ??= status.TransactionHash?.ToString();
                return false;
        }
    }

    private async Task<bool> Settle(CancellationToken cancellationToken)
    {
        var quote = state.State.Quote!;
        await Task.WhenAll(
            DestinationVault.EndTransferIn(VaultOperationId, released: true, cancellationToken),
            SourceVault.EndTransferOut(VaultOperationId, UInt128.Zero, cancellationToken));
        await FreeClaims(cancellationToken);
        await Commit(t =>
        {
            Enter(t, TransferPhase.Settled, $"settled: {t.Released} released on {quote.Request.To}, fee {t.Locked - t.Released} kept on {quote.Request.From}");
            t.FeeRetained = t.Locked - t.Released;
        }, cancellationToken);
        return true;
    }

    /// <summary>Learns the lock's fate, refunds a final lock on the source, frees the claims, and ends compensated.</summary>
    private async Task<bool> Compensate(CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.LockSubmitted && !s.LockResolved)
        {
            var lockStatus = await Source.GetOperationAsync(LockId, cancellationToken);
            if (lockStatus.State is OperationState.Pending or OperationState.Included)
            {
                return false;
            }

            var locked = lockStatus.State == OperationState.Final;
            await Commit(t =>
            {
                t.LockResolved = true;
                t.Locked = locked ? t.Quote!.Request.Amount : UInt128.Zero;
                t.LockTransaction = lockStatus.TransactionHash?.ToString() ?? t.LockTransaction;
                t.Steps.Add(new TransferStep(TransferPhase.Compensating, time.GetUtcNow(), locked ? "the lock is final: refunding it" : "the lock never took effect"));
            }, cancellationToken);
        }

        if (s.Locked > UInt128.Zero && s.Refunded == UInt128.Zero)
        {
            if (!s.RefundSubmitted)
            {
                await Commit(t => t.RefundSubmitted = true, cancellationToken);
            }

            var refund = await Source.GetOperationAsync(RefundId, cancellationToken);
            if (refund.State != OperationState.Final)
            {
                if (refund.State is OperationState.Unknown or OperationState.Failed)
                {
                    // Never applied (or reverted, the bridge short for now): the same id is sent again until it is final.
                    await Source.SubmitAsync(Operation(ChainKind.Release, refund: true), cancellationToken);
                }

                state.State.RefundTransaction ??= refund.TransactionHash?.ToString();
                return false;
            }

            await Commit(t =>
            {
                (t.Refunded, t.RefundTransaction) = (t.Locked, refund.TransactionHash?.ToString());
                t.Steps.Add(new TransferStep(TransferPhase.Compensating, time.GetUtcNow(), $"refund final in block {refund.BlockNumber} ({refund.TransactionHash})"));
            }, cancellationToken);
        }

        // The books follow the chains: the release never paid (the refund rule), and the source has the amount back
        // (refunded, or never locked). Either vault answers null when it never recorded its side.
        if (s.ReleaseSubmitted)
        {
            await DestinationVault.EndTransferIn(VaultOperationId, released: false, cancellationToken);
        }

        await SourceVault.EndTransferOut(VaultOperationId, s.Quote!.Request.Amount, cancellationToken);
        await FreeClaims(cancellationToken);
        await Commit(t => Enter(t, TransferPhase.Compensated, $"compensated ({t.Reason}): refunded {t.Refunded}, reservation freed"), cancellationToken);
        return true;
    }

    private Task StartCompensation(string code, string detail, Action<TransferState>? also, CancellationToken cancellationToken) =>
        Commit(t =>
        {
            Enter(t, TransferPhase.Compensating, $"compensating: {code}");
            (t.Reason, t.ReasonDetail) = (code, detail);
            also?.Invoke(t);
        }, cancellationToken);

    /// <summary>
    /// Submits the lock or the release; a submission the chain refuses outright (nothing live under the id) compensates.
    /// With <paramref name="followNow"/> the operation is looked at again at once rather than at the next poll: a chain
    /// that includes a transaction as it is sent (an automining node, or one with no confirmations to wait for) moves
    /// the transfer on without a poll interval's delay. A resubmission waits for the poll, so that an operation the
    /// chain keeps forgetting is not resent in a loop.
    /// </summary>
    private async Task<bool> SubmitOrCompensate(ChainKind kind, bool followNow, CancellationToken cancellationToken)
    {
        var chain = kind == ChainKind.Lock ? Source : Destination;
        try
        {
            var submission = await chain.SubmitAsync(Operation(kind, refund: false), cancellationToken);
            if (kind == ChainKind.Lock)
            {
                state.State.LockTransaction = submission.TransactionHash.ToString();
            }
            else
            {
                state.State.ReleaseTransaction = submission.TransactionHash.ToString();
            }

            return followNow;
        }
        catch (ChainClientException e) when (!e.IsTransient)
        {
            await StartCompensation(e.Code, $"{chain.ChainName} refused the {kind.ToString().ToLowerInvariant()}: {e.Message}", null, cancellationToken);
            return true;
        }
    }

    private Task FreeClaims(CancellationToken cancellationToken)
    {
        var quote = state.State.Quote!;
        return Task.WhenAll(Inventory(quote.Request.To).Free(ReleaseClaim, cancellationToken), Inventory(quote.Request.From).Free(RefundClaim, cancellationToken));
    }
}
