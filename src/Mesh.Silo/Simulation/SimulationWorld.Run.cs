using System.Diagnostics;
using Mesh.Grains.Markets;
using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;
using Mesh.Simulation.Reports;
using Mesh.Simulation.Scenarios;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Silo.Simulation;

/// <summary>Replays the scenario in a world: the market moves, the oracle follows the traded price, the vaults act.</summary>
internal sealed partial class SimulationWorld
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMinutes(1);

    private ISimulatedMarketVenue Market => Services.GetRequiredService<ISimulatedMarketVenue>();

    private SimulatedPerpVenue Perps => (SimulatedPerpVenue)Services.GetRequiredService<IPerpVenue>();

    /// <summary>Runs the path from the clock's now; every step sets the market, observes its price and waits for every vault to act on it.</summary>
    public async Task<WorldOutcome> RunAsync(IReadOnlyList<ScenarioStep> path, IReadOnlyList<VaultSeed> seeds, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var desks = seeds.Select(s => $"{s.Protocol}/{s.Chain}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var start = Clock.GetUtcNow();
        var samples = new List<WorldSample>(path.Count);
        var before = await HealthFactorsAsync(seeds, cancellationToken);
        IReadOnlyList<double> trough = before;
        var troughPrice = decimal.MaxValue;
        var lastProceeds = Market.State(Asset).CumulativeProceeds - ArbitrageSpot().Proceeds;
        var nextSample = TimeSpan.Zero;
        var nextQuote = TimeSpan.Zero;
        TimeSpan? firstUnhealthy = null;
        TimeSpan? lastUnhealthy = null;
        // Vault-seconds below 1: each sample's count holds until the next sample.
        var unhealthySeconds = 0m;
        (TimeSpan At, int Below)? lastSample = null;
        for (var i = 0; i < path.Count; i++)
        {
            var point = path[i];
            Clock.MoveTo(start + point.Offset);
            Market.SetExogenous(Asset, point.Price, point.DepthMultiplier);
            if (point.Offset >= nextQuote)
            {
                await ObserveAsync(Quote, 1m, cancellationToken);
                nextQuote = point.Offset + SampleEvery;
            }

            await ObserveAsync(Asset, Market.State(Asset).MidPrice, cancellationToken);
            var state = Market.State(Asset);
            if (Policy.TopUps)
            {
                // Every vault has offered or asked on the step's price: each protocol's desk on each chain moves its books' collateral.
                await Task.WhenAll(desks.Select(d => Grains.GetGrain<ITopUpDeskGrain>(d).Allocate(cancellationToken)));
            }

            // Every vault has acted on the step's price: the coordinator decides the step's requests together.
            var view = await Grains.GetGrain<IRebalanceCoordinatorGrain>(Asset).Allocate(cancellationToken);
            double? perpDiscount = null;
            if (Policy.Hedge)
            {
                await Grains.GetGrain<IRebalanceCoordinatorGrain>(CoordinatorMarkets.Perp(Asset)).Allocate(cancellationToken);
                // The arbitrageurs (when the run has them) act on the step's hedges: they buy the perp back to the band
                // and sell spot, in the step's batch.
                await Perps.ArbitrageAsync(Asset, cancellationToken);
                perpDiscount = Perps.Discount(Asset);
            }

            // What the vaults' sales fetched this step: the arbitrageur's spot sales move the market, not the mesh's books.
            var proceeds = state.CumulativeProceeds - ArbitrageSpot().Proceeds;
            var soldUsd = Usd(proceeds - lastProceeds);
            lastProceeds = proceeds;
            int? below = null;
            if (point.Offset >= nextSample || i == path.Count - 1)
            {
                var factors = await HealthFactorsAsync(seeds, cancellationToken);
                below = factors.Count(f => f < 1.0);
                if (lastSample is { } previous)
                {
                    unhealthySeconds += previous.Below * (decimal)(point.Offset - previous.At).TotalSeconds;
                }

                lastSample = (point.Offset, below.Value);
                if (below > 0)
                {
                    firstUnhealthy ??= point.Offset;
                    lastUnhealthy = point.Offset;
                }

                if (state.MidPrice < troughPrice)
                {
                    (troughPrice, trough) = (state.MidPrice, factors);
                }

                nextSample = point.Offset + SampleEvery;
            }

            var inFlight = view.InFlight == UInt128.MaxValue ? 0m : (decimal)view.InFlight / (decimal)Weth * state.MidPrice;
            samples.Add(new WorldSample(point.Offset, point.Price, state.MidPrice, soldUsd, inFlight, view.Queued, below, perpDiscount));
            progress?.Invoke(i + 1, path.Count);
        }

        var final = Market.State(Asset);
        var (after, badDebt, liquidated, sales, vaults, hedgeImpact) = await EndOfRunAsync(seeds, before, final, cancellationToken);
        TimeSpan? unhealthy = firstUnhealthy is null ? TimeSpan.Zero
            : after.Any(f => f < 1.0) ? null
            : lastUnhealthy!.Value + SampleEvery - firstUnhealthy.Value;
        return new WorldOutcome(
            Policy,
            samples,
            samples.Min(s => s.Mid),
            FireSaleDrawdown(samples),
            // The vaults' spot sales' slippage (the arbitrageur's left out) and what the hedges paid against the perp's mark.
            Usd(final.CumulativeSlippage - ArbitrageSpot().Slippage) + hedgeImpact,
            liquidated,
            badDebt,
            samples.Max(s => Math.Max(s.SoldUsd, s.InFlightUsd)),
            Policy.Hedge ? decimal.Round((decimal)samples.Max(s => s.PerpDiscount ?? 0.0), 6) : null,
            unhealthy,
            decimal.Round(unhealthySeconds / 3_600m, 2),
            before,
            trough,
            after,
            sales,
            vaults,
            watch.Elapsed,
            (decimal)ArbitrageSpot().Sold / (decimal)Weth,
            ToppedUpWeth);
    }

    private async Task<IReadOnlyList<double>> HealthFactorsAsync(IReadOnlyList<VaultSeed> seeds, CancellationToken cancellationToken)
    {
        var factors = new double[seeds.Count];
        await ForEachAsync(seeds, async (seed, ct) =>
        {
            var health = await Grains.GetGrain<IVaultGrain>(seed.Key).Health(ct);
            factors[seed.Index] = health.HealthFactor ?? double.PositiveInfinity;
        }, cancellationToken);
        return factors;
    }

    /// <summary>
    /// One pass over the vaults at the end: health factors, bad debt at market (no haircut; a hedge's gain counts, as
    /// closing it pays it), what they sold and what their hedges paid against the mark (in cents, summed in vault order so that runs repeat); and the
    /// check that every base unit the vaults' books say they sold reached the venue, and every unit the venue paid
    /// reached a vault's book (an order still waiting for its batch counts on neither side; a vault takes a cleared
    /// fill at the next price, which every vault with a sale gets).
    /// </summary>
    private async Task<(IReadOnlyList<double> After, decimal BadDebt, int Liquidated, int Sales, IReadOnlyList<VaultResult> Vaults, decimal HedgeImpact)> EndOfRunAsync(
        IReadOnlyList<VaultSeed> seeds, IReadOnlyList<double> before, SimulatedMarketState market, CancellationToken cancellationToken)
    {
        var factors = new double[seeds.Count];
        var bad = new double[seeds.Count];
        var vaults = new VaultResult[seeds.Count];
        var (liquidated, sales, sold, proceeds) = (0, 0, UInt128.Zero, UInt128.Zero);
        var (given, received) = (UInt128.Zero, UInt128.Zero);
        var gate = new Lock();
        await ForEachAsync(seeds, async (seed, ct) =>
        {
            var vault = Grains.GetGrain<IVaultGrain>(seed.Key);
            var health = await vault.Health(ct);
            factors[seed.Index] = health.HealthFactor ?? double.PositiveInfinity;
            var (debt, collateral) = (health.Debt.Sum(d => d.Value), health.Collateral.Sum(c => c.Value));
            // The hedges' gain is the vault's at the venue: closing them pays it (before the haircut the health factor takes).
            bad[seed.Index] = Math.Max(0.0, debt + health.Margin.MarkToMarketLiability - collateral - health.Margin.HedgeGain);
            var rebalancing = await vault.Rebalancing(ct);
            var hedge = rebalancing.Hedges?.FirstOrDefault(h => h.Underlying == Asset);
            vaults[seed.Index] = new VaultResult(
                seed.Key,
                seed.Protocol,
                seed.Chain,
                seed.Weth,
                Finite(before[seed.Index]),
                Finite(factors[seed.Index]),
                rebalancing.Sales,
                rebalancing.Liquidations,
                (decimal)rebalancing.Sold.GetValueOrDefault(Asset) / (decimal)Weth,
                Usd(rebalancing.Proceeds.GetValueOrDefault(Quote)),
                Cents(debt),
                Cents(health.Margin.MarkToMarketLiability),
                Cents(collateral),
                Cents(bad[seed.Index]),
                hedge is null ? 0m : (hedge.Side == PositionSide.Short ? 1m : -1m) * (decimal)hedge.Quantity / (decimal)Weth,
                Cents(rebalancing.Hedges?.Sum(h => h.ImpactPaidUsd) ?? 0.0),
                Cents(health.Margin.HedgeGain),
                ((decimal)(rebalancing.TopUpsReceived?.GetValueOrDefault(Asset) ?? UInt128.Zero) - (decimal)(rebalancing.TopUpsGiven?.GetValueOrDefault(Asset) ?? UInt128.Zero)) / (decimal)Weth);
            lock (gate)
            {
                sales += rebalancing.Sales;
                liquidated += rebalancing.Liquidations > 0 ? 1 : 0;
                sold += rebalancing.Sold.GetValueOrDefault(Asset);
                proceeds += rebalancing.Proceeds.GetValueOrDefault(Quote);
                given += rebalancing.TopUpsGiven?.GetValueOrDefault(Asset) ?? UInt128.Zero;
                received += rebalancing.TopUpsReceived?.GetValueOrDefault(Asset) ?? UInt128.Zero;
            }
        }, cancellationToken);
        var arbitrage = ArbitrageSpot();
        if (sold + arbitrage.Sold != market.CumulativeSold || proceeds + arbitrage.Proceeds != market.CumulativeProceeds)
        {
            throw new InvalidOperationException(
                $"Conservation broken in the {Policy.Name} world: the vaults sold {sold} WETH base units for {proceeds} USDC base units and the basis arbitrageur {arbitrage.Sold} for {arbitrage.Proceeds}; the venue bought {market.CumulativeSold} for {market.CumulativeProceeds}.");
        }

        if (given != received)
        {
            throw new InvalidOperationException($"Conservation broken in the {Policy.Name} world: the vaults gave {given} WETH base units in top-ups and received {received}.");
        }

        ToppedUpWeth = (decimal)given / (decimal)Weth;
        return (factors, decimal.Round((decimal)bad.Sum(), 2), liquidated, sales, vaults, vaults.Sum(v => v.HedgeImpactUsd));
    }

    /// <summary>
    /// What the basis arbitrageur's spot orders sold, fetched and slipped against the mid before each (as the venue
    /// counts slippage, per fill rounded down), in base units; zero without the arbitrage.
    /// </summary>
    private (UInt128 Sold, UInt128 Proceeds, UInt128 Slippage) ArbitrageSpot()
    {
        var (sold, proceeds, slippage) = (UInt128.Zero, UInt128.Zero, UInt128.Zero);
        foreach (var fill in Perps.ArbitrageFills)
        {
            var atMid = (UInt128)decimal.Floor((decimal)fill.Sold / (decimal)Weth * fill.MidBefore * 1_000_000m);
            (sold, proceeds) = (sold + fill.Sold, proceeds + fill.Proceeds);
            slippage += atMid > fill.Proceeds ? atMid - fill.Proceeds : UInt128.Zero;
        }

        return (sold, proceeds, slippage);
    }

    private static double? Finite(double healthFactor) => double.IsFinite(healthFactor) ? healthFactor : null;

    private static decimal Cents(double usd) => decimal.Round((decimal)usd, 2);

    /// <summary>
    /// The fire sale's own drawdown: <c>max over steps of (exogenous − traded) ÷ exogenous</c>, rounded to 6 places (0 when the
    /// traded price never went below the scenario's path). The scenario's fall is the same for every policy; this is the
    /// part of the worst price the sales made.
    /// </summary>
    private static decimal FireSaleDrawdown(IReadOnlyList<WorldSample> samples) =>
        decimal.Round(samples.Select(s => s.Fundamental > 0m ? Math.Max(0m, (s.Fundamental - s.Mid) / s.Fundamental) : 0m).DefaultIfEmpty(0m).Max(), 6);

    private static decimal Usd(UInt128 usdcBaseUnits) => (decimal)usdcBaseUnits / 1_000_000m;
}
