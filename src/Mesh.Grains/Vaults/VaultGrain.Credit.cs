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
    public async Task<OperationReceipt> Draw(VaultMovement movement, CancellationToken cancellationToken = default)
    {
        MovementValidator.Check(movement, Chain);
        if (Existing(movement, OperationKind.Draw) is { } existing)
        {
            return existing;
        }

        await RequireProtocol(ProtocolStatus.Active, "draw credit", cancellationToken);
        var snapshot = await GrainFactory.GetGrain<IOracleGrain>(movement.Asset).Snapshot(cancellationToken);
        if (snapshot.BreakerOpen)
        {
            throw new MeshException(MeshErrorKind.Unavailable, "credit.paused", $"New credit in {movement.Asset} is paused while its oracle's circuit breaker is open; repayments and withdrawals of free collateral go on.");
        }

        await EnsureHealthyAfter(movement, draw: true, cancellationToken);
        await Record(movement, OperationKind.Draw, debit: false, cancellationToken);
        return await Settle(movement.OperationId, cancellationToken);
    }

    public async Task<OperationReceipt> Repay(VaultMovement movement, CancellationToken cancellationToken = default)
    {
        MovementValidator.Check(movement, Chain);
        if (Existing(movement, OperationKind.Repay) is { } existing)
        {
            return existing;
        }

        await RequireMember("repay credit", cancellationToken);

        var balance = state.State.Balances.GetValueOrDefault(movement.Asset);
        if (balance < movement.Amount)
        {
            throw new MeshException(MeshErrorKind.Refused, "vault.insufficient_balance", $"The vault holds {balance} base units of {movement.Asset}; it cannot repay {movement.Amount}.", "amount");
        }

        var debt = state.State.Debt.GetValueOrDefault(movement.Asset);
        if (debt < movement.Amount)
        {
            throw new MeshException(MeshErrorKind.Refused, "vault.repay_exceeds_debt", $"The vault owes {debt} base units of {movement.Asset} (as last seen); it cannot repay {movement.Amount}.", "amount");
        }

        await Record(movement, OperationKind.Repay, debit: true, cancellationToken);
        return await Settle(movement.OperationId, cancellationToken);
    }

    public async Task<OperationReceipt> Supply(VaultMovement movement, CancellationToken cancellationToken = default)
    {
        MovementValidator.Check(movement, Chain);
        if (Existing(movement, OperationKind.Supply) is { } existing)
        {
            return existing;
        }

        await RequireMember("supply liquidity", cancellationToken);
        var balance = state.State.Balances.GetValueOrDefault(movement.Asset);
        if (balance < movement.Amount)
        {
            throw new MeshException(MeshErrorKind.Refused, "vault.insufficient_balance", $"The vault holds {balance} base units of {movement.Asset}; it cannot supply {movement.Amount}.", "amount");
        }

        await EnsureHealthyAfter(movement, draw: false, cancellationToken);
        await Record(movement, OperationKind.Supply, debit: true, cancellationToken);
        return await Settle(movement.OperationId, cancellationToken);
    }

    public async Task<OperationReceipt> Redeem(VaultMovement movement, CancellationToken cancellationToken = default)
    {
        MovementValidator.Check(movement, Chain);
        if (Existing(movement, OperationKind.Redeem) is { } existing)
        {
            return existing;
        }

        await RequireMember("redeem pool shares", cancellationToken);
        await Record(movement, OperationKind.Redeem, debit: false, cancellationToken);
        return await Settle(movement.OperationId, cancellationToken);
    }

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

    private async Task RequireProtocol(ProtocolStatus status, string action, CancellationToken cancellationToken)
    {
        var protocol = await GrainFactory.GetGrain<IProtocolGrain>(Key.ProtocolId).Read(cancellationToken);
        if (protocol?.Status != status)
        {
            throw new MeshException(MeshErrorKind.Refused, "protocol.not_active", $"Protocol {Key.ProtocolId} is {protocol?.Status.ToString() ?? "unknown"}; it may not {action}.");
        }

        if (!protocol.Chains.Contains(Key.Chain))
        {
            throw new MeshException(MeshErrorKind.Refused, "protocol.chain_not_joined", $"Protocol {Key.ProtocolId} did not join with chain {Key.Chain}.");
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
            if (health.HealthFactor is { } hf && hf < riskOptions.Value.BandMin)
            {
                var what = draw ? "drawing" : "withdrawing";
                throw new MeshException(MeshErrorKind.Refused, "vault.health_below_band", $"After {what} {movement.Amount} {movement.Asset} the health factor would be {hf:F3}, below the band's {riskOptions.Value.BandMin}.", "amount");
            }
        }
        finally
        {
            (s.Balances[movement.Asset], s.Debt[movement.Asset]) = before;
        }
    }

    private async Task Record(VaultMovement movement, OperationKind kind, bool debit, CancellationToken cancellationToken)
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
        // vault on a survivor, which resumes the operation even when no one calls it again.
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
    }
}
