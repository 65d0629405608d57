using Mesh.Errors;
using Mesh.Grains.Diagnostics;
using Mesh.Grains.Hosting;
using Mesh.Pools;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using LedgerCreditRequest = Mesh.Grains.Pools.CreditRequest;
using PublicCreditRequest = Mesh.Pools.CreditRequest;

namespace Mesh.Grains.Pools;

/// <summary>
/// One asset's shared pool over the exact ledger: every operation is idempotent by its id within the vault that sent
/// it (the answer, or the refusal, is recorded with the ledger change in one write), and the ledger's invariants are
/// checked on every change.
/// </summary>
internal sealed partial class CollateralPoolGrain(
    [PersistentState("pool")] IPersistentState<PoolGrainState> state,
    IOptions<InterestRateCurveOptions> curveOptions,
    IOptions<PoolOptions> poolOptions,
    Mesh.Chains.Configuration.ChainsConfiguration chains,
    TimeProvider time,
    Microsoft.Extensions.Logging.ILogger<CollateralPoolGrain> logger) : Grain, ICollateralPoolGrain
{
    private static readonly RiskFactorCap DefaultRiskFactorCap = new() { Absolute = UInt128.MaxValue, RelativeWad = 600_000_000_000_000_000UL };

    private PoolLedger? _ledger;

    /// <summary>The acknowledged answers' keys, oldest acknowledgement first (rebuilt from the state after an activation or a restore).</summary>
    private Queue<(string Key, DateTimeOffset At)>? _acknowledged;

    private string Asset => this.GetPrimaryKeyString();

    private PoolLedger Ledger => _ledger ??= CreateLedger();

    private PoolLedger CreateLedger()
    {
        KnownAssets.Require(chains, Asset);
        state.State.Ledger ??= PoolLedger.NewState(time.GetUtcNow(), new PoolCaps { DefaultRiskFactorCap = DefaultRiskFactorCap });
        return new PoolLedger(state.State.Ledger, new InterestRateCurve(curveOptions.Value));
    }

    public Task<CreditReceipt> Allocate(PublicCreditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var vault = global::Mesh.Vaults.VaultKey.Parse(request.Vault);
        return Apply(request.OperationId, request.Vault, PoolAnswers.Allocate, request.Vault, request.Amount, now =>
        {
            var decision = Ledger.Draw(new LedgerCreditRequest(request.Vault, request.ProtocolId, vault.Chain, request.Amount, [.. request.RiskFactors]), now);
            var credit = Ledger.State.Vaults[request.Vault];
            return (decision.Granted, Ledger.DebtOf(request.Vault, now), credit.RecallDue);
        }, o => new CreditReceipt(request.OperationId, request.Vault, o.First, o.Second, o.Third), cancellationToken);
    }

    public Task<CreditReceipt> Repay(RepaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Apply(request.OperationId, request.Vault, PoolAnswers.Repay, request.Vault, request.Amount, now =>
        {
            var result = Ledger.Repay(request.Vault, request.Amount, now);
            return (result.Paid, result.RemainingDebt, result.RecallDue);
        }, o => new CreditReceipt(request.OperationId, request.Vault, o.First, o.Second, o.Third), cancellationToken);
    }

    public Task<LiquidityReceipt> Supply(LiquidityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Apply(request.OperationId, request.Vault ?? request.HolderId, PoolAnswers.Supply, request.HolderId, request.Amount, now =>
            (request.Amount, Ledger.Deposit(request.HolderId, request.Chain, request.Amount, now), UInt128.Zero),
            o => new LiquidityReceipt(request.OperationId, o.First, o.Second), cancellationToken);
    }

    public Task<LiquidityReceipt> Redeem(LiquidityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Apply(request.OperationId, request.Vault ?? request.HolderId, PoolAnswers.Redeem, request.HolderId, request.Amount, now =>
            (Ledger.Redeem(request.HolderId, request.Chain, request.Amount, now), request.Amount, UInt128.Zero),
            o => new LiquidityReceipt(request.OperationId, o.First, o.Second), cancellationToken);
    }

    public Task<PoolSummary> Summary(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var view = Ledger.View(now);
        GrainsMetrics.Pool(Asset, view);
        var free = Ledger.State.Chains.ToDictionary(c => c.Key, c => c.Value.Free, StringComparer.Ordinal);
        static double Ray(UInt128 value) => (double)value / 1e27;
        return Task.FromResult(new PoolSummary(Asset, view.FreeLiquidity, free, view.CreditOutstanding, view.LenderAssets, view.Reserve, view.TotalShares, Ray(view.UtilizationRay), Ray(view.BorrowRateRay), Ray(view.LiquidityRateRay), Ledger.State.Vaults.Count));
    }

    public Task<LiquidityReceipt> Position(string holderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new LiquidityReceipt("", Ledger.AssetsOf(holderId, time.GetUtcNow()), Ledger.SharesOf(holderId)));

    public Task<PoolOperationRecord?> Operation(string operationId, string vault, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(operationId ?? "", vault ?? "", PoolAnswers.Holder(vault ?? "")) is { } found
            ? new PoolOperationRecord(operationId!, found.Op.Kind, found.Op.Party, found.Op.Amount, found.Op.RefusalCode is null ? found.Op.First : UInt128.Zero, found.Op.RefusalCode is not null, found.Op.AcknowledgedAt is not null)
            : null);

    public Task Forget(string operationId, string vault, CancellationToken cancellationToken = default)
    {
        // Only the vault that sent the operation acknowledges it: another's use of the same id is another answer.
        var key = PoolAnswers.Key(vault ?? "", operationId ?? "");
        if (!string.IsNullOrWhiteSpace(operationId) && state.State.Operations.TryGetValue(key, out var op) && op.AcknowledgedAt is null)
        {
            var now = time.GetUtcNow();
            op.AcknowledgedAt = now;
            Acknowledged.Enqueue((key, now));
        }

        return Task.CompletedTask;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        PoolAnswers.KeyByScope(state.State.Operations);
        return base.OnActivateAsync(cancellationToken);
    }

    private (string Key, PoolOperation Op)? Find(string operationId, string scope, string? holder) => PoolAnswers.Find(state.State.Operations, operationId, scope, holder);

    private Queue<(string Key, DateTimeOffset At)> Acknowledged => _acknowledged ??= new(
        state.State.Operations.Where(o => o.Value.AcknowledgedAt is not null).Select(o => (o.Key, o.Value.AcknowledgedAt!.Value)).OrderBy(o => o.Value));

    /// <summary>Forgets the answers acknowledged longer than the retention ago (the removal is written with the change that follows).</summary>
    private void ForgetAcknowledged(DateTimeOffset now)
    {
        var until = now - poolOptions.Value.RetainAcknowledgedFor;
        while (Acknowledged.TryPeek(out var oldest) && oldest.At <= until)
        {
            Acknowledged.Dequeue();
            state.State.Operations.Remove(oldest.Key);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GrainsMetrics.PoolGone(Asset);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<PoolAudit> Audit(CancellationToken cancellationToken = default) => Task.FromResult(Ledger.Audit(Asset));

    private async Task<T> Apply<T>(string operationId, string scope, string kind, string party, UInt128 amount, Func<DateTimeOffset, (UInt128, UInt128, UInt128)> change, Func<PoolOperation, T> answer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(operationId))
        {
            throw MeshException.Invalid("operationId", "operation.malformed_id", "operationId is required.");
        }

        if (string.IsNullOrWhiteSpace(scope))
        {
            throw MeshException.Invalid("vault", "vault.missing", "The vault (or, for liquidity, the holder) is required.");
        }

        // Liquidity is the holder's: an answer kept for the holder counts for its vaults (see Find); credit is the vault's.
        if (Find(operationId, scope, PoolAnswers.IsLiquidity(kind) ? party : null) is { Op: var known })
        {
            if (known.Kind != kind || known.Party != party || known.Amount != amount)
            {
                throw new MeshException(MeshErrorKind.Conflict, "operation.id_reused", $"Operation {operationId} was a {known.Kind} of {known.Amount}; the id cannot be reused.", "operationId");
            }

            return known.RefusalCode is null
                ? answer(known)
                : throw new MeshException(known.RefusalKind!.Value, known.RefusalCode, known.RefusalMessage!, known.RefusalField);
        }

        var op = new PoolOperation { Kind = kind, Party = party, Amount = amount };
        MeshException? refusal = null;
        try
        {
            (op.First, op.Second, op.Third) = change(time.GetUtcNow());
            Ledger.CheckOperation(party);
        }
        catch (MeshException e) when (e.Kind != MeshErrorKind.Unavailable)
        {
            // The ledger changes nothing when it refuses; the refusal is recorded so that a retry gets it again.
            (refusal, op.RefusalKind, op.RefusalCode, op.RefusalMessage, op.RefusalField) = (e, e.Kind, e.Code, e.Message, e.Field);
        }

        ForgetAcknowledged(time.GetUtcNow());
        state.State.Operations[PoolAnswers.Key(scope, operationId)] = op;
        await state.WriteOrRestoreAsync(this, () => (_ledger, _acknowledged) = (null, null), cancellationToken);
        GrainsMetrics.Pool(Asset, Ledger.View(time.GetUtcNow()));

        return refusal is null ? answer(op) : throw refusal;
    }
}
