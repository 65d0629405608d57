using System.Numerics;

namespace Mesh.Grains.Pools;

/// <summary>Recalling credit that the caps no longer allow.</summary>
internal sealed partial class PoolLedger
{
    /// <summary>
    /// Recalls what the current caps no longer allow (risk rose and governance tightened them, or the pool shrank
    /// under its relative caps): for every limit exceeded (utilization, a protocol cap, a risk factor's absolute or
    /// relative cap) the excess is recalled from the vaults under that limit pro rata to their debt, rounded up, plus an
    /// allowance of ⌈index / RAY⌉ base units for the rounding of a partial repayment; a vault under several limits owes
    /// the largest of its shares. Once every vault has repaid what is due, no cap is
    /// exceeded (at the numbers of <paramref name="now"/>). A vault's recall only ever grows here.
    /// </summary>
    /// <param name="now">The moment.</param>
    /// <returns>The credit now due per vault, for the vaults that owe any.</returns>
    public IReadOnlyDictionary<string, UInt128> RecallOverCaps(DateTimeOffset now)
    {
        var a = PreviewAccrual(now);
        var debts = State.Vaults.ToDictionary(kv => kv.Key, kv => Debt(kv.Value.ScaledDebt, a.BorrowIndexRay), StringComparer.Ordinal);
        var poolAssets = (BigInteger)TotalFree() + a.TotalDebt;
        var caps = EffectiveCaps();
        var wanted = new Dictionary<string, UInt128>(StringComparer.Ordinal);

        // A partial repayment of x cuts the debt by more than x − index / RAY − 1 (the scaled burn rounds down, in the
        // pool's favour), so each share carries that allowance: k − 1 units at an index of exactly k RAY, else ⌈index⌉.
        var (whole, part) = UInt128.DivRem(a.BorrowIndexRay, FixedPoint.Ray);
        BigInteger slack = part == UInt128.Zero ? whole - 1 : whole + 1;

        Breach(debts.Keys, FixedPoint.MulDiv(poolAssets, caps.UtilizationCapWad, FixedPoint.Wad, Rounding.Floor));
        foreach (var protocol in State.Vaults.Values.Select(v => v.ProtocolId).Distinct(StringComparer.Ordinal))
        {
            var cap = caps.ProtocolCaps.TryGetValue(protocol, out var c) ? c : caps.DefaultProtocolCap;
            if (cap is { } limit)
            {
                Breach(debts.Keys.Where(id => string.Equals(State.Vaults[id].ProtocolId, protocol, StringComparison.Ordinal)), limit);
            }
        }

        foreach (var factor in State.Vaults.Values.SelectMany(v => v.RiskFactors).Distinct(StringComparer.Ordinal))
        {
            var cap = caps.RiskFactorCaps.TryGetValue(factor, out var c) ? c : caps.DefaultRiskFactorCap;
            var limit = cap is null
                ? BigInteger.Zero
                : BigInteger.Min(cap.Absolute, FixedPoint.MulDiv(poolAssets, cap.RelativeWad, FixedPoint.Wad, Rounding.Floor));
            Breach(debts.Keys.Where(id => State.Vaults[id].RiskFactors.Contains(factor, StringComparer.Ordinal)), limit);
        }

        Commit(a);
        var due = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var (id, vault) in State.Vaults)
        {
            vault.RecallDue = UInt128.Max(vault.RecallDue, wanted.GetValueOrDefault(id));
            if (vault.RecallDue > UInt128.Zero)
            {
                due[id] = vault.RecallDue;
            }
        }

        return due;

        void Breach(IEnumerable<string> vaults, BigInteger limit)
        {
            var members = vaults.ToList();
            BigInteger allocated = BigInteger.Zero;
            foreach (var id in members)
            {
                allocated += debts[id];
            }

            if (allocated <= limit)
            {
                return;
            }

            var excess = allocated - limit;
            foreach (var id in members)
            {
                var owed = FixedPoint.MulDiv(excess, debts[id], allocated, Rounding.Ceiling) + slack;
                var share = (UInt128)BigInteger.Min(debts[id], owed);
                wanted[id] = UInt128.Max(wanted.GetValueOrDefault(id), share);
            }
        }
    }
}
