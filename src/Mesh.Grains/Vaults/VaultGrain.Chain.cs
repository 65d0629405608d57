using Mesh.Chains.Clients;
using Mesh.Errors;
using Mesh.Protocols;
using Mesh.Vaults;
using ChainKind = Mesh.Chains.Clients.OperationKind;
using OperationKind = Mesh.Vaults.OperationKind;
using OperationStatus = Mesh.Vaults.OperationStatus;

namespace Mesh.Grains.Vaults;

/// <summary>
/// Deposits and withdrawals on the vault's chain. The chain operation's id is derived from the vault and the
/// operation id, so that a resubmission after a crash is the same transaction; a deposit counts once final, a
/// withdrawal leaves the balance at once and comes back if the chain fails it.
/// </summary>
internal sealed partial class VaultGrain
{
    private IGrainTimer? _chainPoll;
    private string? _account;

    public Task<OperationReceipt> Deposit(VaultMovement movement, CancellationToken cancellationToken = default) =>
        StartOnChain(movement, OperationKind.Deposit, () => RequireMember("deposit", allowSuspended: true, cancellationToken), cancellationToken);

    public Task<OperationReceipt> Withdraw(VaultMovement movement, CancellationToken cancellationToken = default) =>
        StartOnChain(movement, OperationKind.Withdraw, async () =>
        {
            await RequireMember("withdraw", allowSuspended: true, cancellationToken);
            RequireBalance(movement, "withdraw");
            await EnsureHealthyAfter(movement, draw: false, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The movement path of <c>Start</c> for the chain: validate, answer a retry from the record, run the kind's checks,
    /// record the operation durably (a withdrawal takes the amount out of the balance), make sure the durable resume
    /// reminder exists, then submit to the chain.
    /// </summary>
    private async Task<OperationReceipt> StartOnChain(VaultMovement movement, OperationKind kind, Func<Task> checks, CancellationToken cancellationToken)
    {
        MovementValidator.Check(movement, Chain);
        if (Existing(movement, kind) is { } existing)
        {
            // A retry of a movement still in flight drives it (as Start does for credit), so its answer is current.
            return existing.Status == OperationStatus.Pending ? await SettleChain(existing.OperationId, cancellationToken) : existing;
        }

        await checks();
        var debit = kind == OperationKind.Withdraw;
        var s = state.State;
        s.Operations[movement.OperationId] = new OperationReceipt(movement.OperationId, kind, movement.Asset, movement.Amount, OperationStatus.Pending, null, null, time.GetUtcNow());
        if (debit)
        {
            s.Balances[movement.Asset] -= movement.Amount;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.Operations.Remove(movement.OperationId);
            if (debit)
            {
                s.Balances[movement.Asset] += movement.Amount;
            }

            throw;
        }

        // A durable wake-up before anything leaves this grain: if the silo dies mid-flight, the reminder reactivates the
        // vault, which resumes the operation even when no one calls it again.
        await EnsureResumeReminder(cancellationToken);
        return await SettleChain(movement.OperationId, cancellationToken, reminderEnsured: true);
    }

    /// <summary>
    /// Registers the resume reminder unless it is registered: a read of the reminder table instead of a write while
    /// operations are in flight. Safe because no other turn runs between the read and the end of this one, and the
    /// reminder is only removed when nothing is pending.
    /// </summary>
    private async Task EnsureResumeReminder(CancellationToken cancellationToken)
    {
        if (await this.GetReminder(ResumeReminder, cancellationToken) is null)
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        }
    }

    /// <summary>Refuses a movement unless the vault's protocol is a member (active, or suspended when the movement reduces risk) that joined with this chain.</summary>
    private async Task RequireMember(string action, bool allowSuspended, CancellationToken cancellationToken)
    {
        var protocol = await GrainFactory.GetGrain<IProtocolGrain>(Key.ProtocolId).Read(cancellationToken);
        var allowed = protocol?.Status == ProtocolStatus.Active || (allowSuspended && protocol?.Status == ProtocolStatus.Suspended);
        if (!allowed)
        {
            throw new MeshException(MeshErrorKind.Refused, "protocol.not_active", $"Protocol {Key.ProtocolId} is {protocol?.Status.ToString() ?? "unknown"}; it may not {action}.");
        }

        if (!protocol!.Chains.Contains(Key.Chain))
        {
            throw new MeshException(MeshErrorKind.Refused, "protocol.chain_not_joined", $"Protocol {Key.ProtocolId} did not join with chain {Key.Chain}.");
        }

        _account = protocol.Account;
    }

    /// <summary>
    /// Drives one chain movement: submits it when the chain does not know it (the same id, so a resubmission is the same
    /// transaction), finishes it when final or failed, else leaves it to the poll.
    /// </summary>
    private async Task<OperationReceipt> SettleChain(string operationId, CancellationToken cancellationToken, bool reminderEnsured = false)
    {
        var op = state.State.Operations[operationId];
        if (op.Status != OperationStatus.Pending)
        {
            return op;
        }

        var client = chainClients.GetClient(Key.Chain);
        var chainId = ChainOperationId(op);
        try
        {
            var status = await client.GetOperationAsync(chainId, cancellationToken);
            if (status.State == OperationState.Unknown)
            {
                _account ??= (await GrainFactory.GetGrain<IProtocolGrain>(Key.ProtocolId).Read(cancellationToken))?.Account;
                var kind = op.Kind == OperationKind.Deposit ? ChainKind.Deposit : ChainKind.Withdraw;
                var submission = await client.SubmitAsync(new ChainOperation(chainId, kind, Key.ProtocolId, _account!, op.Asset, op.Amount), cancellationToken);
                op = RememberTransaction(op, submission.TransactionHash.ToString());
            }
            else if (Finished(op, status) is { } finished)
            {
                return (await FinishChain([finished], cancellationToken))[0];
            }
            else
            {
                op = RememberTransaction(op, status.TransactionHash?.ToString());
            }
        }
        catch (ChainClientException e) when (!e.IsTransient)
        {
            return (await FinishChain([(op, OperationStatus.Failed, e.Code)], cancellationToken))[0];
        }
        catch (ChainClientException)
        {
            // Timeout or unavailable: the operation stays pending and the poll retries with the same id.
        }

        await PollChain(reminderEnsured, cancellationToken);
        return op;
    }

    private OperationId ChainOperationId(OperationReceipt op) => OperationId.FromName($"{Key}/{op.OperationId}");

    /// <summary>
    /// Keeps the chain's transaction hash on the pending operation in memory; it is written with the vault's next write
    /// (at the latest when the operation finishes). It is not what makes the operation safe: the chain operation's id
    /// is derived from the vault and the operation id, so after a crash the poll finds the transaction again by that id.
    /// </summary>
    private OperationReceipt RememberTransaction(OperationReceipt op, string? transaction)
    {
        if (transaction is null || op.ChainTransaction == transaction)
        {
            return op;
        }

        var updated = op with { ChainTransaction = transaction, UpdatedAt = time.GetUtcNow() };
        state.State.Operations[op.OperationId] = updated;
        return updated;
    }

    /// <summary>The operation's end when the chain says it is final or failed; null while it is still on its way.</summary>
    private static (OperationReceipt Op, OperationStatus Status, string? Reason)? Finished(OperationReceipt op, Mesh.Chains.Clients.OperationStatus status)
    {
        var withTransaction = op.ChainTransaction is null && status.TransactionHash is { } hash ? op with { ChainTransaction = hash.ToString() } : op;
        return status.State switch
        {
            OperationState.Final => (withTransaction, OperationStatus.Completed, null),
            OperationState.Failed => (withTransaction, OperationStatus.Failed, status.FailureCode),
            _ => null,
        };
    }

    private async Task PollChain(bool reminderEnsured, CancellationToken cancellationToken)
    {
        if (_chainPoll is null)
        {
            var period = Chain.BlockTime < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : Chain.BlockTime;
            _chainPoll = this.RegisterGrainTimer(PollChainOnce, new GrainTimerCreationOptions(period, period));
        }

        if (!reminderEnsured)
        {
            await EnsureResumeReminder(cancellationToken);
        }
    }

    /// <summary>
    /// One poll of every pending chain movement: those the chain lost are resubmitted, and all that became final or
    /// failed since the last poll are finished together, in one write.
    /// </summary>
    private async Task PollChainOnce(CancellationToken cancellationToken)
    {
        var client = chainClients.GetClient(Key.Chain);
        var finished = new List<(OperationReceipt Op, OperationStatus Status, string? Reason)>();
        foreach (var op in PendingOnChain().ToArray())
        {
            try
            {
                var status = await client.GetOperationAsync(ChainOperationId(op), cancellationToken);
                if (status.State == OperationState.Unknown)
                {
                    await SettleChain(op.OperationId, cancellationToken, reminderEnsured: true);
                }
                else if (Finished(op, status) is { } done)
                {
                    finished.Add(done);
                }
                else
                {
                    RememberTransaction(op, status.TransactionHash?.ToString());
                }
            }
            catch (ChainClientException e) when (!e.IsTransient)
            {
                finished.Add((op, OperationStatus.Failed, e.Code));
            }
            catch (ChainClientException)
            {
                // Timeout or unavailable: the next poll asks again.
            }
        }

        if (finished.Count > 0)
        {
            await FinishChain(finished, cancellationToken);
        }

        if (!PendingOnChain().Any())
        {
            _chainPoll?.Dispose();
            _chainPoll = null;
        }
    }

    private IEnumerable<OperationReceipt> PendingOnChain() =>
        state.State.Operations.Values.Where(o => o.Status == OperationStatus.Pending && o.Kind is OperationKind.Deposit or OperationKind.Withdraw);

    /// <summary>
    /// Finishes chain movements in one write: a final deposit credits the balance, a failed withdrawal gives its amount
    /// back; a failed write leaves every one of them as it was.
    /// </summary>
    private async Task<List<OperationReceipt>> FinishChain(List<(OperationReceipt Op, OperationStatus Status, string? Reason)> finished, CancellationToken cancellationToken)
    {
        var s = state.State;
        var operations = finished.Select(f => s.Operations[f.Op.OperationId]).ToList();
        var balances = finished.Select(f => f.Op.Asset).Distinct(StringComparer.Ordinal)
            .Select(a => (Asset: a, Known: s.Balances.TryGetValue(a, out var balance), Balance: balance)).ToList();
        var now = time.GetUtcNow();
        var done = new List<OperationReceipt>(finished.Count);
        try
        {
            foreach (var (op, status, reason) in finished)
            {
                var balance = s.Balances.GetValueOrDefault(op.Asset);
                var credit = (status == OperationStatus.Completed && op.Kind == OperationKind.Deposit) || (status == OperationStatus.Failed && op.Kind == OperationKind.Withdraw);
                var receipt = op with { Status = status, Reason = reason, UpdatedAt = now };
                s.Operations[op.OperationId] = receipt;
                s.Balances[op.Asset] = credit ? checked(balance + op.Amount) : balance;
                done.Add(receipt);
            }

            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            foreach (var op in operations)
            {
                s.Operations[op.OperationId] = op;
            }

            foreach (var (asset, known, balance) in balances)
            {
                if (known)
                {
                    s.Balances[asset] = balance;
                }
                else
                {
                    s.Balances.Remove(asset);
                }
            }

            throw;
        }

        await EnsureRegistered(cancellationToken);
        return done;
    }
}
