using System.Numerics;

namespace Mesh.Grains.Pools;

/// <summary>The conservation checks the grain runs on every turn.</summary>
internal sealed partial class PoolLedger
{
    /// <summary>How often <see cref="CheckOperation"/> runs the full check: every this many operations.</summary>
    internal const int FullCheckEvery = 256;

    /// <summary>Operations since the last full check (zero: none yet on this ledger).</summary>
    private int _sinceFullCheck;

    /// <summary>
    /// Verifies, exactly and in <see cref="BigInteger"/> so that nothing can wrap:
    /// <list type="number">
    /// <item>per chain, Free = Deposited + Repaid + MovedIn − Withdrawn − Drawn − MovedOut − ReserveWithdrawn;</item>
    /// <item>moves conserve: Σ MovedIn = Σ MovedOut;</item>
    /// <item>debt: Σ Drawn − Σ Repaid + InterestCharged = Σ vault debt (scaled × index, each rounded up);</item>
    /// <item>conservation: Σ Deposited − Σ Withdrawn + InterestCharged − ReserveWithdrawn = Σ Free + Σ vault debt;</item>
    /// <item>the reserve: ReserveWithdrawn ≤ ReserveAccrued ≤ InterestCharged, Σ chain ReserveWithdrawn = ReserveWithdrawn,
    /// and the reserve held ≤ Σ Free + Σ debt (the lenders' assets are not negative);</item>
    /// <item>shares: TotalShares = Σ holder shares, no holder holds zero;</item>
    /// <item>credit: TotalScaledDebt = Σ vault scaled debt, each vault has a scaled debt above zero, an owner, a chain the
    /// pool knows, at least one risk factor and RecallDue ≤ its debt; BorrowIndexRay ≥ one RAY.</item>
    /// </list>
    /// </summary>
    /// <exception cref="InvalidOperationException">When an invariant does not hold; the message says which and the numbers.</exception>
    public void CheckInvariants()
    {
        var s = State;
        var flows = CheckFlows();
        BigInteger debt = 0, scaled = 0;
        foreach (var (id, v) in s.Vaults)
        {
            debt += CheckVault(id, v);
            scaled += v.ScaledDebt;
        }

        Require(scaled == s.TotalScaledDebt, $"the vaults' scaled debts add up to {scaled}, not {s.TotalScaledDebt}");
        var kept = TotalDebt(s.BorrowIndexRay);
        Require(kept == debt, $"the credit outstanding kept is {kept} but the vaults owe {debt}");
        CheckTotals(flows, debt);

        BigInteger shares = 0;
        foreach (var (holder, held) in s.Holders)
        {
            Require(held > UInt128.Zero, $"holder '{holder}' is kept with zero shares");
            shares += held;
        }

        Require(shares == s.TotalShares, $"holders have {shares} shares but {s.TotalShares} are in issue");
        _sinceFullCheck = 1;
    }

    /// <summary>
    /// The check after one operation, without a pass over every vault and holder: the per-chain flows, the moves and the
    /// reserve; the debt and conservation identities on the credit outstanding the ledger keeps (<see cref="TotalDebt"/>,
    /// moved by each change of a vault's debt); and the vault or holder the operation touched. Every
    /// <see cref="FullCheckEvery"/>-th call (the first on a ledger just built or loaded among them) runs
    /// <see cref="CheckInvariants"/> instead, which sums every vault and holder from scratch and so also catches a kept
    /// total that drifted.
    /// </summary>
    /// <param name="party">The vault or holder the operation was for.</param>
    /// <exception cref="InvalidOperationException">When an invariant does not hold; the message says which and the numbers.</exception>
    public void CheckOperation(string party)
    {
        if (_sinceFullCheck == 0 || _sinceFullCheck >= FullCheckEvery)
        {
            CheckInvariants();
            return;
        }

        _sinceFullCheck++;
        var s = State;
        var flows = CheckFlows();
        if (s.Vaults.TryGetValue(party, out var vault))
        {
            CheckVault(party, vault);
        }

        if (s.Holders.TryGetValue(party, out var held))
        {
            Require(held > UInt128.Zero, $"holder '{party}' is kept with zero shares");
        }

        CheckTotals(flows, TotalDebt(s.BorrowIndexRay));
    }

    /// <summary>Per chain, Free against its flows; moves in and out; the reserve paid per chain and in all. Returns the sums.</summary>
    private Flows CheckFlows()
    {
        var s = State;
        Require(s.BorrowIndexRay >= FixedPoint.Ray, $"the borrow index {s.BorrowIndexRay} is below one RAY");
        BigInteger free = 0, deposited = 0, withdrawn = 0, drawn = 0, repaid = 0, movedIn = 0, movedOut = 0, reserveOut = 0;
        foreach (var (name, c) in s.Chains)
        {
            var expected = (BigInteger)c.Deposited + c.Repaid + c.MovedIn - c.Withdrawn - c.Drawn - c.MovedOut - c.ReserveWithdrawn;
            Require(expected == c.Free, $"chain '{name}' holds {c.Free} free but its flows add up to {expected}");
            free += c.Free;
            deposited += c.Deposited;
            withdrawn += c.Withdrawn;
            drawn += c.Drawn;
            repaid += c.Repaid;
            movedIn += c.MovedIn;
            movedOut += c.MovedOut;
            reserveOut += c.ReserveWithdrawn;
        }

        Require(movedIn == movedOut, $"{movedIn} moved in but {movedOut} moved out");
        Require(reserveOut == s.ReserveWithdrawn, $"chains paid {reserveOut} of reserve but the pool counts {s.ReserveWithdrawn}");
        return new Flows(free, deposited, withdrawn, drawn, repaid);
    }

    /// <summary>One vault's record; returns what it owes at the index.</summary>
    private UInt128 CheckVault(string id, VaultCredit v)
    {
        var s = State;
        var owed = Debt(v.ScaledDebt, s.BorrowIndexRay);
        Require(v.ScaledDebt > UInt128.Zero, $"vault '{id}' is kept with no debt");
        Require(!string.IsNullOrWhiteSpace(v.ProtocolId), $"vault '{id}' has no protocol");
        Require(s.Chains.ContainsKey(v.Chain), $"vault '{id}' is on chain '{v.Chain}', unknown to the pool");
        Require(v.RiskFactors.Count > 0, $"vault '{id}' has no risk factor");
        Require(v.RecallDue <= owed, $"vault '{id}' has {v.RecallDue} recalled but owes {owed}");
        return owed;
    }

    /// <summary>The debt, conservation and reserve identities, given what the vaults owe.</summary>
    private void CheckTotals(Flows flows, BigInteger debt)
    {
        var s = State;
        var debtFromFlows = flows.Drawn - flows.Repaid + s.InterestCharged;
        Require(debtFromFlows == debt, $"drawn − repaid + interest charged is {debtFromFlows} but the vaults owe {debt}");

        var inflow = flows.Deposited - flows.Withdrawn + s.InterestCharged - s.ReserveWithdrawn;
        Require(inflow == flows.Free + debt, $"deposits − withdrawals + interest − reserve paid is {inflow} but free + credit is {flows.Free + debt}");

        Require(s.ReserveWithdrawn <= s.ReserveAccrued, $"the reserve paid {s.ReserveWithdrawn} exceeds the reserve accrued {s.ReserveAccrued}");
        Require(s.ReserveAccrued <= s.InterestCharged, $"the reserve accrued {s.ReserveAccrued} exceeds the interest charged {s.InterestCharged}");
        var reserve = (BigInteger)s.ReserveAccrued - s.ReserveWithdrawn;
        Require(reserve <= flows.Free + debt, $"the reserve {reserve} exceeds the pool's assets {flows.Free + debt}");
    }

    private readonly record struct Flows(BigInteger Free, BigInteger Deposited, BigInteger Withdrawn, BigInteger Drawn, BigInteger Repaid);

    /// <summary>The pool's flows and balances as of its last accrual, with <see cref="CheckInvariants"/> run on them.</summary>
    /// <param name="asset">The pool's asset.</param>
    /// <returns>The audit; not balanced, with the broken invariant, when a check fails.</returns>
    public Mesh.Pools.PoolAudit Audit(string asset)
    {
        var s = State;
        UInt128 deposited = 0, withdrawn = 0;
        foreach (var c in s.Chains.Values)
        {
            deposited = checked(deposited + c.Deposited);
            withdrawn = checked(withdrawn + c.Withdrawn);
        }

        string? problem = null;
        try
        {
            CheckInvariants();
        }
        catch (InvalidOperationException broken)
        {
            problem = broken.Message;
        }

        var free = s.Chains.ToDictionary(c => c.Key, c => c.Value.Free, StringComparer.Ordinal);
        return new Mesh.Pools.PoolAudit(
            asset, deposited, withdrawn, s.InterestCharged, s.ReserveWithdrawn, TotalFree(), free, TotalDebt(s.BorrowIndexRay),
            DateTimeOffset.FromUnixTimeSeconds(s.LastAccrualUnixSeconds), problem is null, problem);
    }

    private static void Require(bool condition, string violation)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Pool invariant broken: {violation}.");
        }
    }
}
