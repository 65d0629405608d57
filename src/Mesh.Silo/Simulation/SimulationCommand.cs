using System.Diagnostics;
using Mesh.Simulation.Reports;
using Mesh.Simulation.Scenarios;

namespace Mesh.Silo.Simulation;

/// <summary>
/// <c>simulate</c>: the fire-sale simulation from the silo's command line. Prints progress to standard error, the
/// comparison table to standard output, and writes the CSV and HTML reports. Exit codes: 0 done, 2 bad arguments or
/// scenario, 1 the simulation failed, 130 stopped by Ctrl+C or SIGTERM (the silo host maps the stop).
/// </summary>
internal static class SimulationCommand
{
    public const string Name = "simulate";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            WriteHelp(output);
            return 0;
        }

        SimulationSettings settings;
        Scenario scenario;
        try
        {
            settings = SimulationSettings.Parse(args);
            scenario = settings.ScenarioPath is { } path ? ScenarioLoader.FromCsv(path) : DefaultScenario.Create(new DefaultScenarioOptions { Seed = settings.Seed });
        }
        catch (Exception bad) when (bad is ArgumentException or ScenarioException or IOException)
        {
            await error.WriteLineAsync($"simulate: {bad.Message}");
            await error.WriteLineAsync("Run 'simulate --help' for the options.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var outcomes = await SimulationRunner.RunAsync(settings, scenario, error, cancellationToken);
        var report = ToReport(settings, scenario, outcomes, watch.Elapsed);
        TextTableReport.Write(report, output);
        var files = await ReportFiles.WriteAllAsync(report, settings.Output, cancellationToken);
        await output.WriteLineAsync();
        foreach (var file in files)
        {
            await output.WriteLineAsync($"wrote {file}");
        }

        await output.WriteLineAsync($"simulated {outcomes.Count} policies in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static SimulationReport ToReport(SimulationSettings settings, Scenario scenario, IReadOnlyList<WorldOutcome> outcomes, TimeSpan wallTime)
    {
        var runs = outcomes.Select(o =>
        {
            var below = 0;
            var samples = o.Samples.Select(s => new PolicySample(s.Offset, s.Mid, s.Fundamental, Math.Max(s.InFlightUsd, s.SoldUsd), below = s.BelowOne ?? below, s.Queued)).ToList();
            var summary = new PolicySummary(o.WorstPrice, o.FireSaleDrawdown, decimal.Round(o.SlippageUsd, 2), o.VaultsLiquidated, o.BadDebtUsd, decimal.Round(o.PeakInFlightUsd, 2), o.TimeUnhealthy, o.UnhealthyVaultHours, new HealthFactorDistributions(o.Before, o.Trough, o.After), o.WorstPerpDiscount);
            return new PolicyRun(o.Policy.Name, samples, summary, o.Vaults);
        }).ToList();
        string[] notes =
        [
            $"{settings.Vaults:N0} vaults of {settings.Protocols} protocols across {SimulationWorld.Chains.Length} chains; seed {settings.Seed}",
            $"market: WETH against USDC, a day's depth of {SimulationRunner.MarketDepthWeth(settings.Vaults):N0} WETH in calm markets ({SimulationRunner.MarketDepthWethPerVault} a vault), {SimulationRunner.MarketDailyVolatility * 100:0}% daily volatility, square-root impact (Y = 1), 2/3 of it permanent, the rest healing with a 10-minute half-life; the book holds what is revealed in one recovery time (1% of a day's depth) and a sale beyond it walks the book linearly",
            $"the adaptive coordinators keep the expected price impact of what is in flight under {settings.ImpactBound * 100:0.##}% (--impact-bound), spot and perp alike",
            $"every vault sells below its band (1.25) under its coordinator's grants and is liquidated below 1 (close factor 50%, 100% below 0.95; the liquidator's bonus {SimulationRunner.LiquidationBonus * 100:0}%); the oracle follows the traded price",
            settings.Spillover
                ? "the adaptive coordinators grant a round only when the margin its sales free (the sellers' haircut on what they sell, less the execution cost) is at least what their permanent impact marks off the rest of the mesh's WETH (the spillover gate; --no-spillover turns it off)"
                : "the spillover gate is off (--no-spillover): the adaptive coordinators grant whatever the impact bound allows",
            "under 'adaptive + hedges' the vaults also keep their delta in band with short perps under the perp market's coordinator (a book three times the spot depth that remembers its flow, with a 10-minute half-life); the hedges' impact counts in the slippage, their gains as collateral after a 10% haircut",
            settings.BasisArbitrageBand is { } band
                ? $"basis arbitrage on (--basis-arbitrage): arbitrageurs buy the perp wherever it sits more than {band * 100:0.##}% below spot and sell as much spot in the same step, so the hedges' pressure reaches the spot price the oracle follows, and the perp market's coordinator shares the spot book's room; their sales are not in the slippage or the value in flight; they sold {string.Join(", ", outcomes.Where(o => o.Policy.Hedge).Select(o => $"{o.ArbitrageSoldWeth:N1} WETH under {o.Policy.Name}").DefaultIfEmpty("nothing (no policy hedges)"))}"
                : "basis arbitrage off: a hedge moves no spot price, so the worst perp discount row shows how large an error leaving it out can be (--basis-arbitrage B carries the perp's discount beyond B into spot)",
            settings.TopUps
                ? $"top-ups: under {string.Join(", ", outcomes.Where(o => o.Policy.TopUps).Select(o => $"'{o.Policy.Name}'").DefaultIfEmpty("no policy run here"))} each protocol's books on a chain share collateral before they sell (a book above the band's top, 1.6, offers what it holds beyond it; one below 1.25 asks for what takes it back to the band's middle, 1.425; nothing is sold or moved on chain); they moved {string.Join(", ", outcomes.Where(o => o.Policy.TopUps).Select(o => $"{o.ToppedUpWeth:N1} WETH under {o.Policy.Name}").DefaultIfEmpty("nothing"))} (--no-top-ups turns them off)"
                : "top-ups off (--no-top-ups): every book stands alone",
            "fire-sale drawdown: the largest shortfall of the traded price below the scenario's price at the same step",
            $"ran in {wallTime.TotalSeconds:F1} s",
        ];
        return new SimulationReport("Mesh fire-sale simulation", $"{scenario.Name}: {scenario.Source}", runs, notes);
    }

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine("simulate: runs the mesh's grains in an in-process silo against simulated chains and a simulated market through a crash, once per policy, and compares them.");
        output.WriteLine();
        output.WriteLine("  --protocols N     protocols in the mesh (default 5)");
        output.WriteLine("  --vaults M        vaults across the three chains (default 2000)");
        output.WriteLine("  --seed S          the seed of the vaults' books and the default path (default 1)");
        output.WriteLine("  --scenario FILE   a CSV price path to replay: timestamp,price[,depth][,reserve_base,reserve_quote]");
        output.WriteLine("                    (default: price -35% over 30 minutes while depth contracts 70%, then a tail)");
        output.WriteLine("  --policy NAME     run only this policy (repeatable): 'unbounded', 'static caps', 'adaptive', 'adaptive + predictive',");
        output.WriteLine("                    'adaptive + hedges' (the adaptive coordinator with vaults that hedge their delta), 'unbounded + top-ups'");
        output.WriteLine("                    or 'static caps + top-ups' (those coordinators with the books' top-ups); the last three are not run by default");
        output.WriteLine("  --impact-bound F  the adaptive coordinators' bound on the expected price impact of what is in flight,");
        output.WriteLine("                    a fraction in (0, 0.5] (default 0.02, as Mesh:Rebalancing:ImpactBound)");
        output.WriteLine("  --basis-arbitrage B  arbitrageurs keep the perp within B below spot (a fraction in [0, 0.1]), selling spot");
        output.WriteLine("                    against every perp they buy; off by default (a hedge then moves no spot price)");
        output.WriteLine("  --no-spillover    the adaptive coordinators do not weigh a round's spillover onto the rest of the mesh");
        output.WriteLine("                    (Mesh:Rebalancing:SpilloverGate false): they grant whatever the impact bound allows");
        output.WriteLine("  --no-top-ups      the adaptive policies' books stand alone: no protocol's books share collateral before they sell");
        output.WriteLine("  --out DIR         where summary.txt, summary.csv, timeseries.csv, vaults.csv and report.html go (default simulation/)");
        output.WriteLine("  --quiet           no progress lines");
    }
}
