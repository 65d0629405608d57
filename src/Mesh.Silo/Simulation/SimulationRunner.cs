using System.Diagnostics;
using Mesh.Chains.Configuration;
using Mesh.Grains.Markets;
using Mesh.Simulation.Scenarios;

namespace Mesh.Silo.Simulation;

/// <summary>
/// Runs the fire-sale simulation: the same scenario, the same vaults (from the seed) and the same market in one world
/// per policy, side by side, each its own in-process silo; then the comparison.
/// </summary>
internal static class SimulationRunner
{
    /// <summary>The moment the scenario starts in simulated time (fixed, so that runs are reproducible).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The calm history the oracles get before the scenario (GARCH needs 240 one-minute returns).</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromHours(5);

    /// <summary>Simulated time for joining and opening the vaults (the deposits' finality); the scenario starts after it.</summary>
    public static readonly TimeSpan SetupTime = TimeSpan.FromMinutes(5);

    /// <summary>The protocols' names.</summary>
    public static IReadOnlyList<string> Protocols(int count) => [.. Enumerable.Range(1, count).Select(i => $"proto-{i}")];

    public static async Task<IReadOnlyList<WorldOutcome>> RunAsync(SimulationSettings settings, Scenario scenario, TextWriter progress, CancellationToken cancellationToken)
    {
        var chains = LoadChains();
        var protocols = Protocols(settings.Protocols);
        var seeds = VaultSeed.Draw(settings.Vaults, protocols, SimulationWorld.Chains, settings.Seed);
        var policies = SimulationPolicy.All.Where(p => settings.Policies.Contains(p.Name)).ToList();
        // The worlds run side by side: each is its own silo with its own clock, state, chains and venue, so a world's
        // result does not depend on the others (the determinism test runs one alone and compares). Most of a world's
        // time is spent waiting (on its vaults' chain polls, on grain turns), so they overlap well on two cores.
        var lines = TextWriter.Synchronized(progress);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = policies.Select(async (policy, i) =>
        {
            try
            {
                return await RunWorldAsync(settings, scenario, chains, protocols, seeds, policy, $"[{i + 1}/{policies.Count}] {policy.Name}", lines, failed.Token);
            }
            catch
            {
                await failed.CancelAsync(); // one world failed: the others stop too
                throw;
            }
        }).ToList();
        try
        {
            return await Task.WhenAll(runs);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && runs.FirstOrDefault(r => r.IsFaulted) is { } first)
        {
            // Report the world that failed, not one that stopped because of it.
            await first;
            throw new UnreachableException("a faulted world's task completed");
        }
    }

    private static async Task<WorldOutcome> RunWorldAsync(
        SimulationSettings settings, Scenario scenario, ChainsConfiguration chains, IReadOnlyList<string> protocols, IReadOnlyList<VaultSeed> seeds, SimulationPolicy policy, string label, TextWriter progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        // --no-top-ups: the mesh's policies without the books' top-ups (what they were before them).
        policy = settings.TopUps ? policy : policy with { TopUps = false };
        await using var world = await SimulationWorld.StartAsync(policy, chains, Start - WarmUp, seeds.Count, settings.ImpactBound, settings.Spillover, settings.BasisArbitrageBand is not null, services => AddMarket(services, scenario, seeds.Count, settings.BasisArbitrageBand), cancellationToken);
        Report(settings, progress, $"{label}: warming up the oracles ({WarmUp.TotalHours:F0} h of history)");
        await world.WarmUpAsync(scenario.StartPrice, WarmUp, settings.Seed, cancellationToken);
        await world.JoinAsync(protocols, PoolUsdc(seeds, scenario.StartPrice), cancellationToken);
        await world.OpenVaultsAsync(seeds, protocols, scenario.StartPrice, n => Report(settings, progress, $"{label}: {n:N0}/{seeds.Count:N0} vaults open"), cancellationToken);
        world.Clock.MoveTo(Start + SetupTime);
        Report(settings, progress, $"{label}: {seeds.Count:N0} vaults open in {watch.Elapsed.TotalSeconds:F1} s; replaying {scenario.Steps.Count} steps");
        var lastShown = -1;
        var outcome = await world.RunAsync(scenario.Steps, seeds, (done, total) =>
        {
            var tenth = done * 10 / total;
            if (tenth != lastShown)
            {
                lastShown = tenth;
                Report(settings, progress, $"{label}: step {done}/{total}");
            }
        }, cancellationToken);
        Report(settings, progress, $"{label}: done in {watch.Elapsed.TotalSeconds:F1} s (scenario {outcome.WallTime.TotalSeconds:F1} s)");
        return outcome;
    }

    /// <summary>
    /// A calm day's depth of the WETH market per vault, whole WETH: 40,000 for the default 2,000 vaults (about 105,000
    /// WETH of collateral). The market grows with the book, so that a run with fewer vaults is the same crunch in small.
    /// </summary>
    public const int MarketDepthWethPerVault = 20;

    /// <summary>A calm day's depth of the WETH market for <paramref name="vaults"/> vaults, whole WETH.</summary>
    /// <param name="vaults">The vaults in the run.</param>
    /// <returns>The depth.</returns>
    public static long MarketDepthWeth(int vaults) => (long)MarketDepthWethPerVault * vaults;

    /// <summary>The WETH market's daily volatility in its impact law.</summary>
    public const double MarketDailyVolatility = 0.06;

    /// <summary>The liquidators' bonus on a vault sold below a health factor of 1 (Aave v3's on WETH).</summary>
    public const double LiquidationBonus = 0.05;

    /// <summary>The market the vaults sell WETH into (<see cref="MarketDepthWeth"/>, <see cref="MarketDailyVolatility"/>), and its perps (with the basis arbitrage when <paramref name="basisArbitrageBand"/> has a value).</summary>
    public static void AddMarket(Microsoft.Extensions.DependencyInjection.IServiceCollection services, Scenario scenario, int vaults, double? basisArbitrageBand) =>
        services.AddSimulatedMarketVenue(o =>
        {
            // The sales of one step clear together at one price (runs repeat whatever order the vaults' calls arrive
            // in), and the traded price the oracle follows shows the hole recent sales left in the book. The book holds
            // what is revealed over one recovery time (1% of a day's depth): a block far larger walks it linearly
            // (SimulatedAssetMarket's remarks), so selling everything in one step costs more than spreading it.
            o.BatchClearing = true;
            // A vault sold below a health factor of 1 is liquidated: the liquidator takes its collateral at Aave v3's
            // 5% bonus on WETH, under every policy alike.
            o.LiquidationBonus = LiquidationBonus;
            o.Assets[SimulationWorld.Asset] = new SimulatedAssetMarketOptions
            {
                QuoteAsset = SimulationWorld.Quote,
                StartMidPrice = scenario.StartPrice,
                BaselineDepth = (UInt128)(ulong)MarketDepthWeth(vaults) * 1_000_000_000_000_000_000UL,
                DailyVolatility = MarketDailyVolatility,
                MidIncludesTransientImpact = true,
                SpeedDependentImpact = true,
            };
        }).AddSimulatedPerpVenue(o => o.BasisArbitrageBand = basisArbitrageBand);

    /// <summary>The pool holds twice what the vaults could ever draw at the start price.</summary>
    private static UInt128 PoolUsdc(IReadOnlyList<VaultSeed> seeds, decimal price) =>
        (UInt128)(ulong)decimal.Ceiling(seeds.Sum(s => s.Weth) * price * 2m) * 1_000_000;

    private static ChainsConfiguration LoadChains()
    {
        using var stream = typeof(SimulationRunner).Assembly.GetManifestResourceStream("Mesh.Silo.Simulation.simulation-chains.json")
            ?? throw new InvalidOperationException("The simulation's chains (simulation-chains.json) are not embedded in the silo.");
        using var reader = new StreamReader(stream);
        return ChainsConfigurationLoader.Parse(reader.ReadToEnd(), "simulation-chains.json");
    }

    private static void Report(SimulationSettings settings, TextWriter progress, string line)
    {
        if (!settings.Quiet)
        {
            progress.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {line}");
        }
    }
}
