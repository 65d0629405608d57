using Mesh.Errors;
using Mesh.Pools;
using Mesh.Vaults;
using Orleans.Runtime;

namespace Mesh.Grains.Vaults;

/// <summary>Drives pending credit operations to their end: on the first call, on activation, and by reminder.</summary>
internal sealed partial class VaultGrain : IRemindable
{
    internal const string ResumeReminder = "mesh.vault.resume";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Operations.Values.Any(o => o.Status == OperationStatus.Pending))
        {
            this.RegisterGrainTimer(ResumeAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ResumeReminder)
        {
            await ResumeAsync(CancellationToken.None);
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var op in state.State.Operations.Values.Where(o => o.Status == OperationStatus.Pending).ToArray())
        {
            try
            {
                _ = op.Kind is OperationKind.Draw or OperationKind.Repay
                    ? await Settle(op.OperationId, cancellationToken)
                    : await SettleChain(op.OperationId, cancellationToken);
            }
            catch (MeshException)
            {
                // Settle recorded the refusal; the caller who started the operation saw it, or reads it from the receipt.
            }
        }

        if (!state.State.Operations.Values.Any(o => o.Status == OperationStatus.Pending) && await this.GetReminder(ResumeReminder, cancellationToken) is { } reminder)
        {
            await this.UnregisterReminder(reminder, cancellationToken);
        }
    }

    private async Task<OperationReceipt> Settle(string operationId, CancellationToken cancellationToken)
    {
        var op = state.State.Operations[operationId];
        if (op.Status != OperationStatus.Pending)
        {
            return op;
        }

        var pool = GrainFactory.GetGrain<ICollateralPoolGrain>(op.Asset);
        CreditReceipt answer;
        try
        {
            answer = op.Kind == OperationKind.Draw
                ? await pool.Allocate(new CreditRequest(op.OperationId, Key.ToString(), Key.ProtocolId, op.Amount, RiskFactors()), cancellationToken)
                : await pool.Repay(new RepaymentRequest(op.OperationId, Key.ToString(), op.Amount), cancellationToken);
        }
        catch (MeshException refused) when (refused.Kind != MeshErrorKind.Unavailable)
        {
            await Finish(op, OperationStatus.Failed, refused.Code, debt: null, cancellationToken);
            throw;
        }
        catch (Exception transient) when (IsTransient(transient))
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
            return op;
        }

        var done = await Finish(op, OperationStatus.Completed, null, answer.Debt, cancellationToken);
        await EnsureRegistered(cancellationToken);
        return done;
    }

    private async Task<OperationReceipt> Finish(OperationReceipt op, OperationStatus status, string? reason, UInt128? debt, CancellationToken cancellationToken)
    {
        var s = state.State;
        var (balance, oldDebt) = (s.Balances.GetValueOrDefault(op.Asset), s.Debt.GetValueOrDefault(op.Asset));
        var done = op with { Status = status, Reason = reason, UpdatedAt = time.GetUtcNow() };
        s.Operations[op.OperationId] = done;
        if (status == OperationStatus.Completed)
        {
            s.Debt[op.Asset] = debt!.Value;
            if (op.Kind == OperationKind.Draw)
            {
                s.Balances[op.Asset] = checked(balance + op.Amount);
            }
        }
        else if (op.Kind == OperationKind.Repay)
        {
            s.Balances[op.Asset] = checked(balance + op.Amount);
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            (s.Operations[op.OperationId], s.Balances[op.Asset], s.Debt[op.Asset]) = (op, balance, oldDebt);
            throw;
        }

        return done;
    }

    private List<string> RiskFactors() =>
        [$"chain:{Key.Chain}", .. state.State.Exposures.Select(e => $"underlying:{e.Underlying}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool IsTransient(Exception e) =>
        e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or MeshException { Kind: MeshErrorKind.Unavailable };
}
