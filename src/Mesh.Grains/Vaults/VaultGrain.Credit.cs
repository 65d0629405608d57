using Mesh.Errors;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Protocols;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>
/// Credit between a vault and its asset's pool, as a saga the vault drives: (1) the vault records the operation
/// (and, for a repayment, takes the amount out of its balance) and writes; (2) the pool applies it, idempotently by
/// operation id, and writes; (3) the vault applies the pool's answer and writes. A crash between any two writes leaves
/// the operation pending in the vault, which resumes it (on activation and by reminder) until the pool's answer is in:
/// nothing is lost and nothing is applied twice. While pending, the amount is in transit between the two books.
/// </summary>
internal sealed partial class VaultGrain
{
    public Task<OperationReceipt> Draw(VaultMovement movement, CancellationToken cancellationToken = default) =>
        Start(movement, OperationKind.Draw, async () =>
        {
            await RequireMember("draw credit", allowSuspended: false, cancellationToken);
            var snapshot = await GrainFactory.GetGrain<IOracleGrain>(movement.Asset).Snapshot(cancellationToken);
            if (snapshot.BreakerOpen)
            {
                throw new MeshException(MeshErrorKind.Unavailable, "credit.paused", $"New credit in {movement.Asset} is paused while its oracle's circuit breaker is open; repayments and withdrawals of free collateral go on.");
            }

            await EnsureHealthyAfter(movement, draw: true, cancellationToken);
        }, cancellationToken);

    public Task<OperationReceipt> Repay(VaultMovement movement, CancellationToken cancellationToken = default) =>
        Start(movement, OperationKind.Repay, async () =>
        {
            await RequireMember("repay credit", allowSuspended: true, cancellationToken);
            RequireBalance(movement, "repay");
            var debt = state.State.Debt.GetValueOrDefault(movement.Asset);
            if (debt < movement.Amount)
            {
                throw new MeshException(MeshErrorKind.Refused, "vault.repay_exceeds_debt", $"The vault owes {debt} base units of {movement.Asset} (as last seen); it cannot repay {movement.Amount}.", "amount");
            }
        }, cancellationToken);

    public Task<OperationReceipt> Supply(VaultMovement movement, CancellationToken cancellationToken = default) =>
        Start(movement, OperationKind.Supply, async () =>
        {
            await RequireMember("supply liquidity", allowSuspended: true, cancellationToken);
            RequireBalance(movement, "supply");
            await EnsureHealthyAfter(movement, draw: false, cancellationToken);
        }, cancellationToken);

    public Task<OperationReceipt> Redeem(VaultMovement movement, CancellationToken cancellationToken = default) =>
        Start(movement, OperationKind.Redeem, () => RequireMember("redeem pool shares", allowSuspended: true, cancellationToken), cancellationToken);

    public Task<OperationReceipt?> Operation(string operationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Operations.GetValueOrDefault(operationId ?? ""));

    private OperationReceipt? Existing(VaultMovement movement, OperationKind kind)
    {
        if (!state.State.Operations.TryGetValue(movement.OperationId, out var existing))
        {
            return null;
        }

        return existing.Kind == kind && existing.Asset == movement.Asset && existing.Amount == movement.Amount
            ? existing
            : throw new MeshException(MeshErrorKind.Conflict, "operation.id_reused", $"Operation {movement.OperationId} was a {existing.Kind} of {existing.Amount} {existing.Asset}; the id cannot be reused for another movement.", "operationId");
    }

    /// <summary>
    /// The one path of every movement: validate, answer a retry from the record, run the kind's checks, record the
    /// operation durably (taking the amount out of the balance when it leaves the vault), then drive it. A retry of an
    /// operation still pending drives it again: after a transient failure (its pool, or the reminder service, on a silo
    /// that died) nothing else would until the reminder's next tick or the vault's next activation.
    /// </summary>
    private async Task<OperationReceipt> Start(VaultMovement movement, OperationKind kind, Func<Task> checks, CancellationToken cancellationToken)
    {
        MovementValidator.Check(movement, Chain);
        if (Existing(movement, kind) is { } existing)
        {
            return existing.Status == OperationStatus.Pending ? await Drive(existing.OperationId, kind, cancellationToken) : existing;
        }

        await checks();
        await Record(movement, kind, debit: kind is OperationKind.Withdraw or OperationKind.Repay or OperationKind.Supply, cancellationToken);
        return await Drive(movement.OperationId, kind, cancellationToken);
    }

    private Task<OperationReceipt> Drive(string operationId, OperationKind kind, CancellationToken cancellationToken) =>
        kind is OperationKind.Deposit or OperationKind.Withdraw ? SettleChain(operationId, cancellationToken) : Settle(operationId, cancellationToken);

    private void RequireBalance(VaultMovement movement, string verb)
    {
        var balance = state.State.Balances.GetValueOrDefault(movement.Asset);
        if (balance < movement.Amount)
        {
            throw new MeshException(MeshErrorKind.Refused, "vault.insufficient_balance", $"The vault holds {balance} base units of {movement.Asset}; it cannot {verb} {movement.Amount}.", "amount");
        }
    }

    private async Task EnsureHealthyAfter(VaultMovement movement, bool draw, CancellationToken cancellationToken)
    {
        var s = state.State;
        var before = (s.Balances.GetValueOrDefault(movement.Asset), s.Debt.GetValueOrDefault(movement.Asset));
        s.Balances[movement.Asset] = draw ? checked(before.Item1 + movement.Amount) : before.Item1 - movement.Amount;
        s.Debt[movement.Asset] = draw ? checked(before.Item2 + movement.Amount) : before.Item2;
        try
        {
            var health = await Revalue(time.GetUtcNow(), cancellationToken, persistNeed: false);
            if (HealthWithoutHedgeGain(health) is { } hf && hf < riskOptions.Value.BandMin)
            {
                var what = draw ? "drawing" : "withdrawing";
                var gain = health.Margin.HedgeGain > 0 ? $" (the hedges' gain of {health.Margin.HedgeGain:F2} USD at the venue does not count toward it until a hedge is closed)" : string.Empty;
                throw new MeshException(MeshErrorKind.Refused, "vault.health_below_band", $"After {what} {movement.Amount} {movement.Asset} the health factor would be {hf:F3}, below the band's {riskOptions.Value.BandMin}{gain}.", "amount");
            }
        }
        finally
        {
            (s.Balances[movement.Asset], s.Debt[movement.Asset]) = before;
        }
    }

    /// <summary>
    /// The health factor that what leaves the vault is held to: the mesh's hedges' gain holds a vault up against
    /// liquidation (cross-margin), but it sits at the perp venue, not in the vault, so it is no collateral to withdraw or
    /// borrow against until closing a hedge brings it in.
    /// </summary>
    private double? HealthWithoutHedgeGain(VaultHealth health)
    {
        var credited = health.Margin.HedgeGain * (1.0 - riskOptions.Value.HedgeGainHaircut);
        return health.Obligations > 0.0 ? Math.Max(0.0, health.CollateralValueAfterHaircuts - credited) / health.Obligations : null;
    }

    private async Task Record(VaultMovement movement, OperationKind kind, bool debit, CancellationToken cancellationToken, bool remind = true)
    {
        var s = state.State;
        var receipt = new OperationReceipt(movement.OperationId, kind, movement.Asset, movement.Amount, OperationStatus.Pending, null, null, time.GetUtcNow());
        s.Operations[movement.OperationId] = receipt;
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

        // A durable wake-up before anything leaves this grain: if the silo dies mid-saga, the reminder reactivates the
        // vault on a survivor, which resumes the operation even when no one calls it again. (A transfer's operation is
        // resumed by the transfer's own reminder.)
        if (remind)
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        }
    }
}
