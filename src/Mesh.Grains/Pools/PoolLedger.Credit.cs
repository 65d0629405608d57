using System.Numerics;
using Mesh.Errors;

namespace Mesh.Grains.Pools;

/// <summary>Credit lines: draw, repay, recall.</summary>
internal sealed partial class PoolLedger
{
    /// <summary>What the caps would allow of a request at <paramref name="now"/>, without changing the state.</summary>
    /// <param name="request">The request.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The decision, refused or not; invalid requests throw.</returns>
    public CreditDecision PreviewDraw(CreditRequest request, DateTimeOffset now)
    {
        var (normalized, vault) = ValidateDraw(request);
        return Decide(normalized, vault, PreviewAccrual(now).BorrowIndexRay);
    }

    /// <summary>
    /// Draws credit for a vault within every cap: the vault's scaled debt grows by the amount divided by the borrow
    /// index, rounded up, so that its debt grows by at least the amount.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The decision; <see cref="CreditDecision.Granted"/> is what was paid out.</returns>
    /// <exception cref="MeshException">A refusal with the binding cap's code, or a validation failure.</exception>
    public CreditDecision Draw(CreditRequest request, DateTimeOffset now)
    {
        var (normalized, vault) = ValidateDraw(request);
        var a = PreviewAccrual(now);
        var decision = Decide(normalized, vault, a.BorrowIndexRay);
        if (decision.IsRefused)
        {
            throw decision.ToException();
        }

        var granted = decision.Granted;
        var liquidity = State.Chains[normalized.Chain];
        var oldScaled = vault?.ScaledDebt ?? UInt128.Zero;
        var addScaled = FixedPoint.RayDiv(granted, a.BorrowIndexRay, Rounding.Ceiling);
        var newScaled = Add(oldScaled, addScaled, "amount");
        var totalScaled = Add(State.TotalScaledDebt, addScaled, "amount");
        var debtIncrease = checked(Debt(newScaled, a.BorrowIndexRay) - Debt(oldScaled, a.BorrowIndexRay));
        // Rounding the scaled debt up makes the debt grow by at least the amount; checked, so a breach throws, never wraps.
        var charged = Add(a.InterestCharged, checked(debtIncrease - granted), "amount");
        var drawn = Add(liquidity.Drawn, granted, "amount");
        _ = Add(a.TotalDebt, debtIncrease, "amount");

        Commit(a);
        vault ??= new VaultCredit { ProtocolId = normalized.ProtocolId, Chain = normalized.Chain };
        vault.ScaledDebt = newScaled;
        vault.RiskFactors = [.. normalized.RiskFactors];
        State.Vaults[normalized.VaultId] = vault;
        State.TotalScaledDebt = totalScaled;
        DebtsChanged(oldScaled, newScaled);
        State.InterestCharged = charged;
        liquidity.Free -= granted;
        liquidity.Drawn = drawn;
        return decision;
    }

    /// <summary>
    /// Repays part or all of a vault's debt on the vault's chain. The scaled debt shrinks by the amount divided by the
    /// index rounded down (all of it when the amount is the whole debt), so the debt never falls by more than was paid.
    /// A repayment counts against a recall first.
    /// </summary>
    /// <param name="vaultId">The vault.</param>
    /// <param name="amount">The base units received, at most the debt.</param>
    /// <param name="now">The moment.</param>
    /// <returns>What the repayment did.</returns>
    public RepayResult Repay(string vaultId, UInt128 amount, DateTimeOffset now)
    {
        RequireId(vaultId, "vaultId");
        RequirePositive(amount, "amount");
        var vault = RequireVault(vaultId);
        var liquidity = RequireChain(vault.Chain);
        var a = PreviewAccrual(now);
        var debt = Debt(vault.ScaledDebt, a.BorrowIndexRay);
        if (amount > debt)
        {
            throw MeshException.Invalid(
                "amount", PoolErrorCodes.RepayExceedsDebt, $"Vault '{vaultId}' owes {debt}; a repayment of {amount} exceeds it.");
        }

        var burned = amount == debt ? vault.ScaledDebt : FixedPoint.RayDiv(amount, a.BorrowIndexRay, Rounding.Floor);
        var newScaled = vault.ScaledDebt - burned;
        var newDebt = Debt(newScaled, a.BorrowIndexRay);
        var surplus = checked(amount - checked(debt - newDebt));
        var charged = Add(a.InterestCharged, surplus, "amount");
        var free = Add(liquidity.Free, amount, "amount");
        var repaid = Add(liquidity.Repaid, amount, "amount");
        var recall = UInt128.Min(vault.RecallDue > amount ? vault.RecallDue - amount : UInt128.Zero, newDebt);

        Commit(a);
        State.TotalScaledDebt -= burned;
        State.InterestCharged = charged;
        liquidity.Free = free;
        liquidity.Repaid = repaid;
        if (newScaled == UInt128.Zero)
        {
            State.Vaults.Remove(vaultId);
        }
        else
        {
            vault.ScaledDebt = newScaled;
            vault.RecallDue = recall;
        }

        DebtsChanged(newScaled + burned, newScaled);
        return new RepayResult(amount, newDebt, newScaled == UInt128.Zero ? UInt128.Zero : recall);
    }

    /// <summary>
    /// Recalls credit from a vault (risk rose, or caps were tightened): <paramref name="amount"/> more of its debt
    /// becomes due, at most all of it. A vault with credit due may not draw until it has repaid it.
    /// </summary>
    /// <param name="vaultId">The vault.</param>
    /// <param name="amount">The base units to recall; <see cref="UInt128.MaxValue"/> recalls everything.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The credit now due from the vault.</returns>
    public UInt128 Recall(string vaultId, UInt128 amount, DateTimeOffset now)
    {
        RequireId(vaultId, "vaultId");
        RequirePositive(amount, "amount");
        var vault = RequireVault(vaultId);
        var a = PreviewAccrual(now);
        var debt = Debt(vault.ScaledDebt, a.BorrowIndexRay);
        var due = UInt128.MaxValue - vault.RecallDue < amount ? debt : UInt128.Min(debt, vault.RecallDue + amount);

        Commit(a);
        vault.RecallDue = due;
        return due;
    }

    /// <summary>The credit outstanding to a protocol's vaults at the last accrual.</summary>
    /// <param name="protocolId">The protocol.</param>
    /// <returns>The sum of the debts.</returns>
    public UInt128 ProtocolAllocated(string protocolId) => Allocated(v => string.Equals(v.ProtocolId, protocolId, StringComparison.Ordinal), State.BorrowIndexRay);

    /// <summary>The credit outstanding to vaults exposed to a risk factor at the last accrual.</summary>
    /// <param name="riskFactor">The risk-factor id.</param>
    /// <returns>The sum of the debts.</returns>
    public UInt128 RiskFactorAllocated(string riskFactor) => Allocated(v => v.RiskFactors.Contains(riskFactor, StringComparer.Ordinal), State.BorrowIndexRay);

    private UInt128 Allocated(Func<VaultCredit, bool> include, UInt128 indexRay, string? exceptVault = null)
    {
        BigInteger sum = BigInteger.Zero;
        foreach (var (id, vault) in State.Vaults)
        {
            if (include(vault) && !string.Equals(id, exceptVault, StringComparison.Ordinal))
            {
                sum += Debt(vault.ScaledDebt, indexRay);
            }
        }

        return FixedPoint.ToUInt128(sum, "an allocation");
    }

    private CreditDecision Decide(CreditRequest request, VaultCredit? vault, UInt128 indexRay)
    {
        var own = vault is null ? UInt128.Zero : Debt(vault.ScaledDebt, indexRay);
        var perFactor = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var id in request.RiskFactors)
        {
            var others = Allocated(v => v.RiskFactors.Contains(id, StringComparer.Ordinal), indexRay, request.VaultId);
            perFactor[id] = FixedPoint.ToUInt128((BigInteger)others + own, "an allocation");
        }

        var exposure = new CreditExposure(
            State.Chains.TryGetValue(request.Chain, out var liquidity) ? liquidity.Free : UInt128.Zero,
            TotalFree(),
            TotalDebt(indexRay),
            Allocated(v => string.Equals(v.ProtocolId, request.ProtocolId, StringComparison.Ordinal), indexRay),
            perFactor);
        return CreditCaps.Evaluate(request, exposure, EffectiveCaps());
    }

    private (CreditRequest Request, VaultCredit? Vault) ValidateDraw(CreditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireId(request.VaultId, "vaultId");
        RequireId(request.ProtocolId, "protocolId");
        RequireId(request.Chain, "chain");
        RequirePositive(request.Amount, "amount");
        if (request.RiskFactors is null || request.RiskFactors.Count == 0)
        {
            throw MeshException.Invalid("riskFactors", PoolErrorCodes.RiskFactorsRequired, "A draw must name at least one risk factor.");
        }

        for (var i = 0; i < request.RiskFactors.Count; i++)
        {
            RequireId(request.RiskFactors[i], $"riskFactors[{i}]");
        }

        State.Vaults.TryGetValue(request.VaultId, out var vault);
        if (vault is not null)
        {
            if (!string.Equals(vault.ProtocolId, request.ProtocolId, StringComparison.Ordinal)
                || !string.Equals(vault.Chain, request.Chain, StringComparison.Ordinal))
            {
                throw new MeshException(
                    MeshErrorKind.Conflict,
                    PoolErrorCodes.VaultMismatch,
                    $"Vault '{request.VaultId}' draws for protocol '{vault.ProtocolId}' on chain '{vault.Chain}', not '{request.ProtocolId}' on '{request.Chain}'.",
                    "vaultId");
            }

            if (vault.RecallDue > UInt128.Zero)
            {
                throw new MeshException(
                    MeshErrorKind.Conflict,
                    PoolErrorCodes.RecallOutstanding,
                    $"Vault '{request.VaultId}' has {vault.RecallDue} recalled and due; it may draw again once that is repaid.",
                    "vaultId");
            }
        }

        var factors = request.RiskFactors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (request with { RiskFactors = factors }, vault);
    }

    private VaultCredit RequireVault(string vaultId)
    {
        if (!State.Vaults.TryGetValue(vaultId, out var vault))
        {
            throw new MeshException(MeshErrorKind.NotFound, PoolErrorCodes.UnknownVault, $"Vault '{vaultId}' has no credit from the pool.", "vaultId");
        }

        return vault;
    }
}
