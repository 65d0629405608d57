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
        Start(movement, OperationKind.Deposit, () => RequireMember("deposit", allowSuspended: true, cancellationToken), cancellationToken);

    public Task<OperationReceipt> Withdraw(VaultMovement movement, CancellationToken cancellationToken = default) =>
        Start(movement, OperationKind.Withdraw, async () =>
        {
            await RequireMember("withdraw", allowSuspended: true, cancellationToken);
            RequireBalance(movement, "withdraw");
            await EnsureHealthyAfter(movement, draw: false, cancellationToken);
        }, cancellationToken);

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

    private async Task<OperationReceipt> SettleChain(string operationId, CancellationToken cancellationToken)
    {
        var op = state.State.Operations[operationId];
        if (op.Status != OperationStatus.Pending)
        {
            return op;
        }

        var client = chainClients.GetClient(Key.Chain);
        var chainId = OperationId.FromName($"{Key}/{op.OperationId}");
        try
        {
            var status = await client.GetOperationAsync(chainId, cancellationToken);
            if (status.State == OperationState.Unknown)
            {
                _account ??= (await GrainFactory.GetGrain<IProtocolGrain>(Key.ProtocolId).Read(cancellationToken))?.Account;
                var kind = op.Kind == OperationKind.Deposit ? ChainKind.Deposit : ChainKind.Withdraw;
                var submission = await client.SubmitAsync(new ChainOperation(chainId, kind, Key.ProtocolId, _account!, op.Asset, op.Amount), cancellationToken);
                op = await Update(op with { ChainTransaction = submission.TransactionHash.ToString(), UpdatedAt = time.GetUtcNow() }, cancellationToken);
            }
            else if (status.State == OperationState.Final)
            {
                return await FinishChain(op, OperationStatus.Completed, null, cancellationToken);
            }
            else if (status.State == OperationState.Failed)
            {
                return await FinishChain(op, OperationStatus.Failed, status.FailureCode, cancellationToken);
            }
        }
        catch (ChainClientException e) when (!e.IsTransient)
        {
            return await FinishChain(op, OperationStatus.Failed, e.Code, cancellationToken);
        }
        catch (ChainClientException)
        {
            // Timeout or unavailable: the operation stays pending and the poll retries with the same id.
        }

        await PollChain(cancellationToken);
        return op;
    }

    private async Task PollChain(CancellationToken cancellationToken)
    {
        if (_chainPoll is null)
        {
            var period = Chain.BlockTime < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : Chain.BlockTime;
            _chainPoll = this.RegisterGrainTimer(PollChainOnce, new GrainTimerCreationOptions(period, period));
        }

        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
    }

    private async Task PollChainOnce(CancellationToken cancellationToken)
    {
        var pending = state.State.Operations.Values.Where(o => o.Status == OperationStatus.Pending && o.Kind is OperationKind.Deposit or OperationKind.Withdraw).Select(o => o.OperationId).ToArray();
        foreach (var id in pending)
        {
            await SettleChain(id, cancellationToken);
        }

        if (!state.State.Operations.Values.Any(o => o.Status == OperationStatus.Pending && o.Kind is OperationKind.Deposit or OperationKind.Withdraw))
        {
            _chainPoll?.Dispose();
            _chainPoll = null;
        }
    }

    private async Task<OperationReceipt> Update(OperationReceipt op, CancellationToken cancellationToken)
    {
        var previous = state.State.Operations[op.OperationId];
        state.State.Operations[op.OperationId] = op;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Operations[op.OperationId] = previous;
            throw;
        }

        return op;
    }

    private async Task<OperationReceipt> FinishChain(OperationReceipt op, OperationStatus status, string? reason, CancellationToken cancellationToken)
    {
        var s = state.State;
        var balance = s.Balances.GetValueOrDefault(op.Asset);
        var credit = (status == OperationStatus.Completed && op.Kind == OperationKind.Deposit) || (status == OperationStatus.Failed && op.Kind == OperationKind.Withdraw);
        var done = op with { Status = status, Reason = reason, UpdatedAt = time.GetUtcNow() };
        s.Operations[op.OperationId] = done;
        s.Balances[op.Asset] = credit ? checked(balance + op.Amount) : balance;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            (s.Operations[op.OperationId], s.Balances[op.Asset]) = (op, balance);
            throw;
        }

        await EnsureRegistered(cancellationToken);
        return done;
    }
}
