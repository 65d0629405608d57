using Mesh.Errors;
using Mesh.Pools;
using Mesh.Vaults;
using Orleans.Runtime;

namespace Mesh.Grains.Vaults;

/// <summary>Drives pending credit operations to their end: on the first call, on activation, and by reminder.</summary>
internal sealed partial class VaultGrain : IRemindable
{
    internal const string ResumeReminder = "mesh.vault.resume";

    /// <summary>The longest wait between two quick retries of a pending operation while the vault stays active.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private IGrainTimer? _retry;
    private int _retryAttempt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (DrivenHere().Any())
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
        foreach (var op in DrivenHere().ToArray())
        {
            try
            {
                _ = op.Kind switch
                {
                    OperationKind.Deposit or OperationKind.Withdraw => await SettleChain(op.OperationId, cancellationToken),
                    OperationKind.Sale => await SettleSale(op.OperationId, cancellationToken),
                    OperationKind.TopUpOut => await SettleTopUp(op.OperationId, cancellationToken),
                    _ => await Settle(op.OperationId, cancellationToken),
                };
            }
            catch (MeshException)
            {
                // Settle recorded the refusal; the caller who started the operation saw it, or reads it from the receipt.
            }
        }

        if (!DrivenHere().Any())
        {
            _retryAttempt = 0;
            if (await this.GetReminder(ResumeReminder, cancellationToken) is { } reminder)
            {
                await this.UnregisterReminder(reminder, cancellationToken);
            }
        }
    }

    /// <summary>The pending operations the vault drives itself (a transfer's are driven by the transfer's saga).</summary>
    private IEnumerable<OperationReceipt> DrivenHere() =>
        state.State.Operations.Values.Where(o => o.Status == OperationStatus.Pending && !IsTransfer(o));

    /// <summary>
    /// After a transient failure (the pool, the venue or the reminder service on a silo that just died), tries the
    /// pending operations again soon, with a doubling delay (1 s, 2 s, 4 s … at most <see cref="MaxRetryDelay"/>), while
    /// this activation lives. The resume reminder stays the durable backstop when the vault itself moves or dies; this
    /// timer only keeps a caller from waiting a whole reminder period once the cluster has healed.
    /// </summary>
    private void ScheduleRetry()
    {
        if (_retry is not null)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, _retryAttempt), MaxRetryDelay.TotalSeconds));
        _retryAttempt = Math.Min(_retryAttempt + 1, 16);
        _retry = this.RegisterGrainTimer(
            async cancellationToken =>
            {
                _retry?.Dispose();
                _retry = null;
                await ResumeAsync(cancellationToken);
            },
            new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
    }

    private async Task<OperationReceipt> Settle(string operationId, CancellationToken cancellationToken)
    {
        var op = state.State.Operations[operationId];
        if (op.Status != OperationStatus.Pending)
        {
            return op;
        }

        checkpoint.Reached(Key.ToString(), op.OperationId, SagaStep.Recorded);
        var pool = GrainFactory.GetGrain<ICollateralPoolGrain>(op.Asset);
        UInt128? debt = null;
        UInt128? recall = null;
        var credited = UInt128.Zero;
        try
        {
            switch (op.Kind)
            {
                case OperationKind.Draw:
                    var granted = await pool.Allocate(new CreditRequest(op.OperationId, Key.ToString(), Key.ProtocolId, op.Amount, RiskFactors()), cancellationToken);
                    (debt, credited, recall) = (granted.Debt, granted.Amount, granted.RecallDue); // what the pool paid out (all or nothing today), never the request
                    break;
                case OperationKind.Repay:
                    var repaid = await pool.Repay(new RepaymentRequest(op.OperationId, Key.ToString(), op.Amount), cancellationToken);
                    (debt, recall) = (repaid.Debt, repaid.RecallDue);
                    break;
                case OperationKind.Supply:
                    await pool.Supply(new LiquidityRequest(op.OperationId, Key.ProtocolId, Key.Chain, op.Amount, Key.ToString()), cancellationToken);
                    break;
                default:
                    credited = (await pool.Redeem(new LiquidityRequest(op.OperationId, Key.ProtocolId, Key.Chain, op.Amount, Key.ToString()), cancellationToken)).Assets;
                    break;
            }
        }
        catch (MeshException refused) when (refused.Kind != MeshErrorKind.Unavailable)
        {
            await Finish(op, OperationStatus.Failed, refused.Code, debt: null, credited: UInt128.Zero, cancellationToken);
            Acknowledge(pool, op);
            throw;
        }
        catch (Exception transient) when (IsTransient(transient))
        {
            ScheduleRetry();
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
            return op;
        }

        checkpoint.Reached(Key.ToString(), op.OperationId, SagaStep.PoolApplied);
        var done = await Finish(op, OperationStatus.Completed, null, debt, credited, cancellationToken, recall);
        Acknowledge(pool, op);
        await EnsureRegistered(cancellationToken);
        return done;
    }

    /// <summary>
    /// Tells the pool that its answer is in the vault's books, so that it may forget the id after its retention. Best
    /// effort and not awaited: an acknowledgement that is lost only keeps the answer in the pool's book.
    /// </summary>
    private void Acknowledge(ICollateralPoolGrain pool, OperationReceipt op) => pool.Forget(op.OperationId, Key.ToString()).Ignore();

    private async Task<OperationReceipt> Finish(OperationReceipt op, OperationStatus status, string? reason, UInt128? debt, UInt128 credited, CancellationToken cancellationToken, UInt128? recall = null)
    {
        var s = state.State;
        var (balance, oldDebt, oldRecall) = (s.Balances.GetValueOrDefault(op.Asset), s.Debt.GetValueOrDefault(op.Asset), s.RecallDue.GetValueOrDefault(op.Asset));
        var done = op with { Status = status, Reason = reason, UpdatedAt = time.GetUtcNow() };
        s.Operations[op.OperationId] = done;
        if (status == OperationStatus.Completed)
        {
            s.Debt[op.Asset] = debt ?? oldDebt;
            s.Balances[op.Asset] = checked(balance + credited);
            SetRecall(op.Asset, recall ?? oldRecall);
        }
        else if (op.Kind is OperationKind.Repay or OperationKind.Supply)
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
            SetRecall(op.Asset, oldRecall);
            throw;
        }

        return done;
    }

    private List<string> RiskFactors() =>
        [$"chain:{Key.Chain}", .. state.State.Exposures.Select(e => $"underlying:{e.Underlying}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool IsTransient(Exception e) =>
        e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or MeshException { Kind: MeshErrorKind.Unavailable };
}
