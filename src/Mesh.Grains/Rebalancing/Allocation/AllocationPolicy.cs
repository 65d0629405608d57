using System.Numerics;
using Mesh.Grains.Oracles;
using Mesh.Oracles;
using Mesh.Rebalancing;
using Mesh.Risk.Volatility;
using OracleSnapshot = Mesh.Oracles.OracleSnapshot;
using Mesh.Vaults;

namespace Mesh.Grains.Rebalancing.Allocation;

/// <summary>
/// Per-vault allocation between risky and stable collateral. The vault's regime is the most stressed of the risky
/// assets it holds; the regime sets a floor on the stable share of its collateral value; below the floor by more than
/// the tolerance, and for a sale of at least the minimum change, the policy advises selling the risky assets pro rata
/// into a stable asset until the stable share is back at the floor. It never advises buying risk back: above the
/// floor the vault's mix is its protocol's choice.
/// </summary>
/// <remarks>
/// Predictive mode reads each asset's regime from its forecast volatility (the higher of the GARCH forecast and EWMA,
/// exactly the regime the oracle publishes), realized mode from EWMA alone; both against the same long-run level and
/// thresholds (<see cref="OracleRegime"/>). A GARCH forecast reacts to a burst of large returns before EWMA does, so
/// predictive allocations move toward stable assets before the realized regime turns. An open circuit breaker counts
/// as stressed in both modes, as it does for the pools.
/// </remarks>
internal static class AllocationPolicy
{
    /// <summary>Advises a vault.</summary>
    /// <param name="vault">The vault.</param>
    /// <param name="holdings">Its assets (stable assets it could buy may be listed with a zero amount).</param>
    /// <param name="predictive">True for the forecast regime, false for the realized one.</param>
    /// <param name="options">The policy.</param>
    /// <param name="now">When.</param>
    /// <returns>The advice.</returns>
    public static AllocationAdvice Advise(VaultKey vault, IReadOnlyList<AllocationHolding> holdings, bool predictive, AllocationOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(options);
        var held = holdings.Where(h => h.Amount > UInt128.Zero).OrderBy(h => h.Asset, StringComparer.Ordinal).ToList();
        var values = held.Select(h => h.Snapshot?.Price is { } p ? UsdWad.Value(h.Amount, h.Decimals, p) : BigInteger.Zero).ToArray();
        var total = values.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var stable = held.Select((h, i) => options.IsStable(h.Asset) ? values[i] : BigInteger.Zero).Aggregate(BigInteger.Zero, (a, b) => a + b);
        var regimes = held.Select(h => options.IsStable(h.Asset) || h.Snapshot is null ? ((MarketRegime Regime, double? Volatility)?)null : RegimeOf(h.Snapshot, predictive, h.Thresholds)).ToArray();
        var regime = regimes.Where(r => r is not null).Select(r => r!.Value.Regime).DefaultIfEmpty(MarketRegime.Calm).Max();
        var floor = options.MinStableWeight(regime);
        var stale = held.Any(h => h.Snapshot is { Fresh: false });
        var sold = new BigInteger[held.Count];
        (string Asset, UInt128 Amount)? bought = null;

        var reason = Decide();
        var soldTotal = sold.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var lines = new List<AllocationLine>(held.Count + 1);
        for (var i = 0; i < held.Count; i++)
        {
            var h = held[i];
            var after = values[i] - sold[i] + (bought?.Asset == h.Asset ? soldTotal : BigInteger.Zero);
            var sell = sold[i].IsZero ? UInt128.Zero : (UInt128)UsdWad.Units(sold[i], h.Decimals, h.Snapshot!.Price!.Value, roundUp: true);
            var buy = bought?.Asset == h.Asset ? bought.Value.Amount : UInt128.Zero;
            lines.Add(new AllocationLine(h.Asset, options.IsStable(h.Asset), h.Amount, h.Decimals, (double?)h.Snapshot?.Price, UsdWad.ToUsd(values[i]), UsdWad.Ratio(values[i], total), UsdWad.Ratio(after, total), sell, buy, regimes[i]?.Regime, regimes[i]?.Volatility));
        }

        if (bought is { } b && held.All(h => h.Asset != b.Asset))
        {
            var h = holdings.First(x => x.Asset == b.Asset);
            lines.Add(new AllocationLine(h.Asset, true, UInt128.Zero, h.Decimals, (double)h.Snapshot!.Price!.Value, 0.0, 0.0, UsdWad.Ratio(soldTotal, total), UInt128.Zero, b.Amount, null, null));
            lines.Sort((x, y) => string.CompareOrdinal(x.Asset, y.Asset));
        }

        return new AllocationAdvice(
            vault, predictive, regime, UsdWad.ToUsd(total), UsdWad.Ratio(stable, total), floor, UsdWad.Ratio(stable + soldTotal, total),
            reason == AllocationReasons.Rebalance, reason, UsdWad.ToUsd(soldTotal), lines, stale, now);

        string Decide()
        {
            if (held.Any(h => h.Snapshot?.Price is null))
            {
                return AllocationReasons.NoPrice;
            }

            if (total.IsZero)
            {
                return AllocationReasons.NoCollateral;
            }

            var floorWad = UsdWad.Share(floor);
            if (stable * UsdWad.One >= floorWad * total)
            {
                return AllocationReasons.AtOrAboveTarget;
            }

            if (stable * UsdWad.One >= (floorWad - UsdWad.Share(options.Tolerance)) * total)
            {
                return AllocationReasons.WithinTolerance;
            }

            var needed = BigInteger.DivRem(floorWad * total, UsdWad.One, out var remainder) + (remainder.IsZero ? 0 : 1) - stable;
            if (UsdWad.ToUsd(needed) < options.MinimumChangeUsd)
            {
                return AllocationReasons.BelowMinimumChange;
            }

            var target = options.Stables
                .Select(asset => holdings.FirstOrDefault(h => h.Asset == asset && h.Snapshot?.Price is not null))
                .FirstOrDefault(h => h is not null);
            if (target is null)
            {
                return AllocationReasons.NoStableAsset;
            }

            Distribute(needed);
            var spent = sold.Aggregate(BigInteger.Zero, (a, v) => a + v);
            bought = (target.Asset, (UInt128)UsdWad.Units(spent, target.Decimals, target.Snapshot!.Price!.Value, roundUp: false));
            return AllocationReasons.Rebalance;
        }

        // Pro rata to value over the risky assets; the rounding remainder goes to the first one.
        void Distribute(BigInteger needed)
        {
            var risky = total - stable;
            var first = -1;
            var assigned = BigInteger.Zero;
            for (var i = 0; i < held.Count; i++)
            {
                if (options.IsStable(held[i].Asset) || values[i].IsZero)
                {
                    continue;
                }

                first = first < 0 ? i : first;
                sold[i] = needed * values[i] / risky;
                assigned += sold[i];
            }

            sold[first] += needed - assigned;
        }
    }

    /// <summary>A risky asset's regime in a mode, and the volatility it was read from.</summary>
    /// <param name="snapshot">The asset's oracle snapshot.</param>
    /// <param name="predictive">True for the forecast regime, false for the realized one.</param>
    /// <param name="thresholds">The asset's regime thresholds.</param>
    /// <returns>The regime (stressed while the breaker is open) and the volatility.</returns>
    public static (MarketRegime Regime, double? Volatility) RegimeOf(OracleSnapshot snapshot, bool predictive, VolatilityRegimeOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        double? volatility = predictive ? Math.Max(snapshot.ForecastVolatility, snapshot.EwmaVolatility ?? 0.0) : snapshot.EwmaVolatility;
        var regime = OracleRegime.Classify(volatility, snapshot.LongRunVolatility, thresholds);
        return (snapshot.BreakerOpen ? MarketRegime.Stressed : regime, volatility);
    }
}
