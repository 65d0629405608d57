using Mesh.Risk.Haircuts;
using Mesh.Risk.Portfolio;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>
/// Values a vault: collateral after dynamic haircuts (volatility over the liquidation horizon plus square-root impact of
/// selling it, raised while a breaker is open), the margin of its exposures (max of the scenario grid and Monte Carlo
/// expected shortfall, plus what the book owes now), health factor = (collateral after haircuts + the mesh's hedge gains after theirs) ÷ (debt + margin), and
/// the rebalance need when the health factor leaves the band.
/// </summary>
internal static class VaultRiskModel
{
    /// <summary>Runs the Monte Carlo expected shortfall of the exposures (the expensive part, cached by the grain).</summary>
    /// <remarks>A hedged book's is its reported exposures' and what the hedges add to them and the holdings (<see cref="ExposurePortfolio.Hedged"/>), on the same paths.</remarks>
    internal static double ExpectedShortfall(ExposurePortfolio exposures, VaultRiskOptions options)
    {
        if (exposures.Portfolio is null)
        {
            return 0.0;
        }

        var mc = new MonteCarloVarOptions { Paths = options.ExpectedShortfallPaths, Seed = 7, Batches = 10 };
        return exposures.Hedged is { } h
            ? Hedged(h, p => MonteCarloVar.Run(p, mc).Es99)
            : MonteCarloVar.Run(exposures.Portfolio, mc).Es99;
    }

    /// <summary>The scenario grid's margin: the worst loss of the book; for a hedged book, its reported exposures' and what the hedges add.</summary>
    private static double Scenario(ExposurePortfolio exposures, VaultRiskOptions options) =>
        exposures.Portfolio is null ? 0.0
        : exposures.Hedged is { } h ? Hedged(h, p => ScenarioMargin.Margin(p, options.ScenarioMargin))
        : ScenarioMargin.Margin(exposures.Portfolio, options.ScenarioMargin);

    /// <summary>max(0, m(reported) + m(all + holdings) − m(reported + holdings)).</summary>
    private static double Hedged(ExposurePortfolio.HedgedBook book, Func<RiskPortfolio, double> measure) =>
        Math.Max(0.0, (book.Reported is { } reported ? measure(reported) : 0.0) + measure(book.AllWithHoldings) - measure(book.ReportedWithHoldings));

    internal static VaultHealth Evaluate(
        VaultKey vault,
        VaultBalances balances,
        ExposurePortfolio exposures,
        double expectedShortfall,
        IReadOnlyDictionary<string, AssetMarket> markets,
        VaultRiskOptions options,
        RebalanceNeed? previousNeed,
        DateTimeOffset now,
        Dictionary<string, AppliedHaircut>? applied = null)
    {
        var stale = false;
        var collateral = new List<CollateralLine>();
        var collateralAfter = 0.0;
        foreach (var asset in Ordered(balances.Collateral))
        {
            var amount = balances.Collateral[asset];
            if (amount == UInt128.Zero)
            {
                continue;
            }

            var decimals = balances.Decimals[asset];
            if (!markets.TryGetValue(asset, out var market))
            {
                stale = true;
                collateral.Add(new CollateralLine(asset, amount, decimals, 0.0, 0.0, 1.0, 0.0));
                continue;
            }

            stale |= market.Stale;
            var units = VaultBalances.ToUnits(amount, decimals);
            var value = units * market.Price;
            var haircut = Haircut(asset, value, market, options, applied, now);
            if (applied is not null && options.AntiProcyclical.Enabled)
            {
                applied[asset] = new AppliedHaircut(haircut, now);
            }

            haircut = Math.Min(haircut * market.HaircutMultiplier, 1.0);
            var after = value * (1.0 - haircut);
            collateralAfter += after;
            collateral.Add(new CollateralLine(asset, amount, decimals, market.Price, value, haircut, after));
        }

        var debt = new List<DebtLine>();
        var debtValue = 0.0;
        foreach (var asset in Ordered(balances.Debt))
        {
            var amount = balances.Debt[asset];
            if (amount == UInt128.Zero)
            {
                continue;
            }

            // A debt in an asset without a price is valued at its last price or, failing that, refused upstream; never at zero.
            var price = markets.TryGetValue(asset, out var market) ? market.Price : throw new InvalidOperationException($"No market for the debt asset {asset}.");
            stale |= market.Stale;
            var value = VaultBalances.ToUnits(amount, balances.Decimals[asset]) * price;
            debtValue += value;
            debt.Add(new DebtLine(asset, amount, value, balances.RecallDue?.GetValueOrDefault(asset) ?? UInt128.Zero));
        }

        var scenario = Scenario(exposures, options);
        var liability = Math.Max(0.0, -exposures.MarkToMarket);
        // Cross-margin for the mesh's own hedges: what they gained beyond what the rest of the book owes is collateral
        // (it sits at the venue and closing the hedge pays it), after a haircut; a protocol's reported gains never count.
        var hedgeGain = Math.Min(Math.Max(0.0, exposures.MarkToMarket), Math.Max(0.0, exposures.HedgeValue));
        collateralAfter += hedgeGain * (1.0 - options.HedgeGainHaircut);
        var margin = new MarginBreakdown(scenario, expectedShortfall, liability, Math.Max(scenario, expectedShortfall) + liability, hedgeGain);
        var obligations = debtValue + margin.Total;
        double? hf = obligations > 0.0 ? collateralAfter / obligations : null;
        var need = Need(hf, collateralAfter, obligations, options, previousNeed, now);
        return new VaultHealth(vault, collateral, debt, margin, exposures.Greeks, collateralAfter, obligations, hf, options.BandMin, options.BandMax, need, stale, now);
    }

    /// <summary>
    /// The haircut a vault would take on <paramref name="value"/> USD of an asset it may not hold yet (the breaker's
    /// multiplier included), read without recording it as applied: what a shift's proceeds will be marked at.
    /// </summary>
    internal static double ProspectiveHaircut(string asset, double value, AssetMarket market, VaultRiskOptions options, Dictionary<string, AppliedHaircut> applied, DateTimeOffset now) =>
        Math.Min(Haircut(asset, value, market, options, applied, now) * market.HaircutMultiplier, 1.0);

    /// <summary>
    /// The haircut before the breaker's multiplier: the model's, made anti-procyclical when the options say so (floored
    /// at the through-the-cycle haircut, at the oracle's long-run volatility, plus the buffer; its rise limited since
    /// the haircut <paramref name="applied"/> last).
    /// </summary>
    private static double Haircut(string asset, double value, AssetMarket market, VaultRiskOptions options, Dictionary<string, AppliedHaircut>? applied, DateTimeOffset now)
    {
        var model = HaircutModel.Compute(new HaircutInput(market.AnnualVolatility, value, market.DailyVolumeUsd), options.Haircut).Haircut;
        var apc = options.AntiProcyclical;
        if (!apc.Enabled)
        {
            return model;
        }

        double? throughTheCycle = apc.Buffer > 0 && market.LongRunVolatility is { } longRun && double.IsFinite(longRun) && longRun >= 0
            ? HaircutModel.Compute(new HaircutInput(longRun, value, market.DailyVolumeUsd), options.Haircut).Haircut
            : null;
        var last = applied is not null && applied.TryGetValue(asset, out var a) ? a : null;
        return AntiProcyclicalHaircut.Apply(model, throughTheCycle, last?.Haircut, last is null ? TimeSpan.Zero : now - last.At, apc);
    }

    /// <summary>The assets of a book in ordinal order (most books hold one or two).</summary>
    private static string[] Ordered(IReadOnlyDictionary<string, UInt128> book)
    {
        if (book.Count == 0)
        {
            return [];
        }

        var keys = new string[book.Count];
        var i = 0;
        foreach (var key in book.Keys)
        {
            keys[i++] = key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private static RebalanceNeed? Need(double? hf, double collateralAfter, double obligations, VaultRiskOptions options, RebalanceNeed? previous, DateTimeOffset now)
    {
        if (hf is not { } h || (h >= options.BandMin && h <= options.BandMax))
        {
            return null;
        }

        var target = (options.BandMin + options.BandMax) / 2.0;
        var direction = h < options.BandMin ? RebalanceDirection.Raise : RebalanceDirection.Release;
        var value = direction == RebalanceDirection.Raise ? (target * obligations) - collateralAfter : collateralAfter - (target * obligations);
        var raisedAt = previous is not null && previous.Direction == direction ? previous.RaisedAt : now;
        return new RebalanceNeed(direction, value, h, target, raisedAt);
    }
}
