using Mesh.Silo.Simulation;
using Mesh.Simulation.Reports;
using Mesh.Simulation.Scenarios;

namespace Mesh.Silo.Tests.Simulation;

/// <summary>The fire-sale simulation on the real grains: repeatable for a seed, and its vaults really sell.</summary>
public sealed class SimulationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    private static Scenario ShortCrash() => DefaultScenario.Create(new DefaultScenarioOptions
    {
        CrashDuration = TimeSpan.FromMinutes(6),
        TailDuration = TimeSpan.FromMinutes(2),
        Seed = 5,
    });

    [Fact]
    public async Task RunAsync_ShortCrashTwice_SameResultsToTheLastDigitAndVaultsSellWithBooksBalanced()
    {
        var settings = new SimulationSettings(Protocols: 2, Vaults: 40, Seed: 7, ScenarioPath: null, Output: "unused", Policies: ["unbounded", "adaptive"], Quiet: true);
        using var timeout = new CancellationTokenSource(Limit);

        // Each world checks in code, at its end, that what the vaults sold and were paid equals what the venue bought and paid.
        var first = await SimulationRunner.RunAsync(settings, ShortCrash(), TextWriter.Null, timeout.Token);
        var second = await SimulationRunner.RunAsync(settings, ShortCrash(), TextWriter.Null, timeout.Token);

        // The same seed gives the same run: the books before, at the trough and after, and every reported number and
        // sample, to the last digit (the vaults' calls arrive in a different order each time).
        Assert.Equal(first.Select(o => o.Before.ToArray()), second.Select(o => o.Before.ToArray()));
        Assert.Equal(first.Select(o => o.Trough.ToArray()), second.Select(o => o.Trough.ToArray()));
        Assert.Equal(first.Select(o => o.After.ToArray()), second.Select(o => o.After.ToArray()));
        var (one, two) = (SimulationCommand.ToReport(settings, ShortCrash(), first, TimeSpan.Zero), SimulationCommand.ToReport(settings, ShortCrash(), second, TimeSpan.Zero));
        Assert.Equal(CsvReport.RenderSummary(one), CsvReport.RenderSummary(two));
        Assert.Equal(CsvReport.RenderTimeSeries(one), CsvReport.RenderTimeSeries(two));
        // The crash takes vaults below their band, and they sell under their coordinator's grants.
        Assert.All(first, outcome => Assert.True(outcome.Sales > 0, $"no vault sold under {outcome.Policy.Name}"));
        Assert.All(first, outcome => Assert.True(outcome.WorstPrice < ShortCrash().Trough.Price, $"the sales under {outcome.Policy.Name} did not move the market below the scenario's trough"));
        Assert.Contains("adaptive", CsvReport.RenderSummary(one), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DefaultCrashInSmall_AdaptivePreventsTheFireSaleAndLeavesLessBadDebtThanStaticCapsAndSalesAlone()
    {
        // The default scenario with a twentieth of the vaults: the market, the static caps and the global cap scale with
        // the vault count, so this is the default crunch in small (the README reports the 2,000-vault numbers). Measured
        // at 100 vaults, seed 1: fire-sale drawdown 51.0% unbounded, 60.9% static caps, 5.2% adaptive; bad debt $1,809,
        // $711,929 and $29,363 ($64,497 with sales alone, without the hedges). Adaptive does NOT leave less bad debt than
        // unbounded: unbounded vaults de-risk at once, at fire-sale prices but before the fall, and the book heals under
        // them; bounded sales and hedges (the perp book within the same 2% bound) de-risk a part of the book in time,
        // and the rest rides the fall at the lenders' risk (the README's "what limits it").
        var settings = new SimulationSettings(Protocols: 5, Vaults: 100, Seed: 1, ScenarioPath: null, Output: "unused", Policies: [.. SimulationPolicy.All.Select(p => p.Name)], Quiet: true);
        var scenario = DefaultScenario.Create(new DefaultScenarioOptions { Seed = settings.Seed });
        using var timeout = new CancellationTokenSource(Limit);

        var outcomes = (await SimulationRunner.RunAsync(settings, scenario, TextWriter.Null, timeout.Token)).ToDictionary(o => o.Policy.Name);
        var again = await SimulationRunner.RunAsync(settings with { Policies = ["adaptive"] }, scenario, TextWriter.Null, timeout.Token);

        var (unbounded, capped, adaptive, salesOnly) = (outcomes["unbounded"], outcomes["static caps"], outcomes["adaptive"], outcomes[SimulationPolicy.SalesOnly.Name]);
        // The same seed gives the same adaptive run, to the last digit of its summary and time series.
        var (whole, repeat) = (SimulationCommand.ToReport(settings, scenario, [adaptive], TimeSpan.Zero), SimulationCommand.ToReport(settings, scenario, again, TimeSpan.Zero));
        Assert.Equal(CsvReport.RenderSummary(whole), CsvReport.RenderSummary(repeat));
        Assert.Equal(CsvReport.RenderTimeSeries(whole), CsvReport.RenderTimeSeries(repeat));
        Assert.Equal(CsvReport.RenderVaults(whole), CsvReport.RenderVaults(repeat));
        // The per-vault rows add up to each policy's summary (each vault's bad debt rounded to the cent).
        foreach (var o in outcomes.Values)
        {
            Assert.Equal(settings.Vaults, o.Vaults.Count);
            Assert.Equal(o.VaultsLiquidated, o.Vaults.Count(v => v.Liquidations > 0));
            Assert.Equal(o.Sales, o.Vaults.Sum(v => v.Sales));
            Assert.InRange(o.Vaults.Sum(v => v.BadDebtUsd), o.BadDebtUsd - 0.01m * settings.Vaults, o.BadDebtUsd + 0.01m * settings.Vaults);
        }

        // Unbounded and static caps dig a hole in the book that the oracle follows: the fire sale. Adaptive, granting
        // what the book refills, keeps the traded price within a fraction of that below the scenario's path.
        Assert.True(unbounded.FireSaleDrawdown > 0.2m && capped.FireSaleDrawdown > 0.2m, $"fire-sale drawdown: unbounded {unbounded.FireSaleDrawdown:P2}, static caps {capped.FireSaleDrawdown:P2}");
        Assert.True(adaptive.FireSaleDrawdown * 2 < unbounded.FireSaleDrawdown, $"fire-sale drawdown: adaptive {adaptive.FireSaleDrawdown:P2}, unbounded {unbounded.FireSaleDrawdown:P2}");
        Assert.True(adaptive.FireSaleDrawdown * 2 < capped.FireSaleDrawdown, $"fire-sale drawdown: adaptive {adaptive.FireSaleDrawdown:P2}, static caps {capped.FireSaleDrawdown:P2}");
        Assert.True(adaptive.SlippageUsd * 5 < unbounded.SlippageUsd && adaptive.SlippageUsd < capped.SlippageUsd, $"slippage: adaptive ${adaptive.SlippageUsd}, unbounded ${unbounded.SlippageUsd}, static caps ${capped.SlippageUsd}");
        // Static caps, granting in arrival order into the hole, leave the most bad debt; adaptive leaves less, without
        // vaults unhealthy for longer than under static caps.
        Assert.True(capped.BadDebtUsd > 0m && adaptive.BadDebtUsd < capped.BadDebtUsd, $"bad debt: adaptive ${adaptive.BadDebtUsd}, static caps ${capped.BadDebtUsd}");
        Assert.True(capped.TimeUnhealthy is null || (adaptive.TimeUnhealthy is { } t && t <= capped.TimeUnhealthy), $"time unhealthy: adaptive {adaptive.TimeUnhealthy}, static caps {capped.TimeUnhealthy}");
        // It is the hedges: the adaptive vaults end short perps, and what those trades paid is in the policy's slippage;
        // the same coordinator with sales alone leaves more bad debt, and the other policies never hedge.
        Assert.True(adaptive.Vaults.Count(v => v.HedgeShort > 0m) >= settings.Vaults / 10, $"{adaptive.Vaults.Count(v => v.HedgeShort > 0m)} adaptive vaults hedged");
        Assert.InRange(adaptive.Vaults.Sum(v => v.HedgeImpactUsd), 0.01m, adaptive.SlippageUsd);
        Assert.True(salesOnly.BadDebtUsd > adaptive.BadDebtUsd * 3 / 2, $"bad debt: sales only ${salesOnly.BadDebtUsd}, adaptive ${adaptive.BadDebtUsd}");
        Assert.All(unbounded.Vaults.Concat(capped.Vaults).Concat(salesOnly.Vaults), v => Assert.Equal(0m, v.HedgeShort));
        Assert.True(adaptive.VaultsLiquidated < capped.VaultsLiquidated && adaptive.VaultsLiquidated < unbounded.VaultsLiquidated, $"liquidated: adaptive {adaptive.VaultsLiquidated}, static caps {capped.VaultsLiquidated}, unbounded {unbounded.VaultsLiquidated}");
        // The perp book's discount to spot, the basis the venue does not carry into spot, is reported for the policies
        // that hedge: under a 2% bound on the mean impact its displacement (1.5 times the mean) stays near 3%.
        Assert.All(outcomes.Values.Where(o => o.Policy.Hedge), o => Assert.InRange(o.WorstPerpDiscount ?? -1m, 0.001m, 0.035m));
        Assert.All(outcomes.Values.Where(o => !o.Policy.Hedge), o => Assert.Null(o.WorstPerpDiscount));
    }

    [Fact]
    public async Task RunAsync_LooserImpactBound_LetsMoreHedgesInAndReportsTheDeeperPerpDiscount()
    {
        var settings = new SimulationSettings(Protocols: 2, Vaults: 40, Seed: 7, ScenarioPath: null, Output: "unused", Policies: ["adaptive"], Quiet: true);
        using var timeout = new CancellationTokenSource(Limit);

        var tight = (await SimulationRunner.RunAsync(settings, ShortCrash(), TextWriter.Null, timeout.Token)).Single();
        var loose = (await SimulationRunner.RunAsync(settings with { ImpactBound = 0.08 }, ShortCrash(), TextWriter.Null, timeout.Token)).Single();

        // The bound is the coordinators' (spot and perp): a looser one grants more hedging sooner, and the perp book,
        // which moves no spot price, sits further below spot for it; the report shows how far.
        var (hedgedTight, hedgedLoose) = (tight.Vaults.Sum(v => v.HedgeShort), loose.Vaults.Sum(v => v.HedgeShort));
        Assert.True(hedgedLoose > hedgedTight, $"hedged: {hedgedLoose} WETH under 8%, {hedgedTight} under 2%");
        Assert.True(loose.WorstPerpDiscount > tight.WorstPerpDiscount, $"worst perp discount: {loose.WorstPerpDiscount:P2} under 8%, {tight.WorstPerpDiscount:P2} under 2%");
        var report = SimulationCommand.ToReport(settings with { ImpactBound = 0.08 }, ShortCrash(), [loose], TimeSpan.Zero);
        Assert.Contains(report.Notes, n => n.Contains("under 8% (--impact-bound)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BasisArbitrageOn_KeepsThePerpInItsBandBySellingSpotAndTheBooksStillBalance()
    {
        var settings = new SimulationSettings(Protocols: 2, Vaults: 40, Seed: 7, ScenarioPath: null, Output: "unused", Policies: ["adaptive"], Quiet: true, ImpactBound: 0.08);
        using var timeout = new CancellationTokenSource(Limit);

        // A loose bound lets the hedges take the perp far below spot; the arbitrageurs (0.5% band) buy it back and sell
        // spot, which the oracle follows. The world checks at its end that the vaults' and the arbitrageurs' sales add
        // up to what the venue bought.
        var off = (await SimulationRunner.RunAsync(settings, ShortCrash(), TextWriter.Null, timeout.Token)).Single();
        var on = (await SimulationRunner.RunAsync(settings with { BasisArbitrageBand = 0.005 }, ShortCrash(), TextWriter.Null, timeout.Token)).Single();

        Assert.True(off.WorstPerpDiscount > 0.01m, $"without the arbitrage the perp sat at most {off.WorstPerpDiscount:P2} below spot");
        Assert.Equal(0m, off.ArbitrageSoldWeth);
        // A step's end is after the arbitrage: the perp is back within the band (to rounding).
        Assert.InRange(on.WorstPerpDiscount ?? -1m, 0m, 0.005m + 0.000002m);
        Assert.True(on.ArbitrageSoldWeth > 0m, "the arbitrageurs sold no spot");
        Assert.True(on.Vaults.Sum(v => v.HedgeShort) > 0m, "no vault hedged");
        // Their spot sales press the traded price below the run without them.
        Assert.True(on.WorstPrice < off.WorstPrice, $"worst price: {on.WorstPrice} with the arbitrage, {off.WorstPrice} without");
        var report = SimulationCommand.ToReport(settings with { BasisArbitrageBand = 0.005 }, ShortCrash(), [on], TimeSpan.Zero);
        Assert.Contains(report.Notes, n => n.Contains("more than 0.5% below spot", StringComparison.Ordinal) && n.Contains($"{on.ArbitrageSoldWeth:N1} WETH under adaptive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimulateProcess_SigtermWhileRunning_StopsWithExit130()
    {
        var output = Directory.CreateTempSubdirectory("mesh-simulate-stop-");
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Mesh.Silo.dll"), "simulate", "--vaults", "40", "--protocols", "2", "--out", output.FullName })
        {
            info.ArgumentList.Add(arg);
        }

        using var sut = System.Diagnostics.Process.Start(info)!;
        var progress = new System.Collections.Concurrent.ConcurrentQueue<string>();
        sut.ErrorDataReceived += (_, e) => progress.Enqueue(e.Data ?? "");
        sut.OutputDataReceived += (_, e) => progress.Enqueue(e.Data ?? "");
        sut.BeginErrorReadLine();
        sut.BeginOutputReadLine();
        try
        {
            await Mesh.Testing.Eventually.TrueAsync(() => progress.Any(l => l.Contains("vaults open", StringComparison.Ordinal)), "the simulation opened its vaults", TimeSpan.FromMinutes(2));
            using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", sut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await sut.WaitForExitAsync(timeout.Token);

            Assert.Equal(130, sut.ExitCode);
            Assert.Contains(progress, l => l.Contains("simulate: stopped before it finished", StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(output.FullName, "summary.csv")), "a stopped run wrote its reports");
        }
        finally
        {
            if (!sut.HasExited)
            {
                sut.Kill(entireProcessTree: true);
            }

            output.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--vaults", "0", "--vaults")]
    [InlineData("--protocols", "x", "--protocols")]
    [InlineData("--policy", "yolo", "--policy")]
    [InlineData("--scenario", "/nonexistent.csv", "--scenario")]
    [InlineData("--frobnicate", "1", "--frobnicate")]
    [InlineData("--impact-bound", "0", "--impact-bound")]
    [InlineData("--impact-bound", "0.6", "--impact-bound")]
    [InlineData("--impact-bound", "NaN", "--impact-bound")]
    [InlineData("--impact-bound", "2%", "--impact-bound")]
    [InlineData("--basis-arbitrage", "0.2", "--basis-arbitrage")]
    [InlineData("--basis-arbitrage", "-0.01", "--basis-arbitrage")]
    public async Task RunAsync_BadArgument_ExitsTwoNamingIt(string option, string value, string named)
    {
        var error = new StringWriter();

        var code = await SimulationCommand.RunAsync([option, value], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("0.005", 0.005)]
    [InlineData("0.1", 0.1)]
    public void Parse_BasisArbitrage_TakesABandFromZeroToTenPercent(string value, double band)
    {
        Assert.Equal(band, SimulationSettings.Parse(["--basis-arbitrage", value]).BasisArbitrageBand);
        Assert.Null(SimulationSettings.Parse([]).BasisArbitrageBand);
    }
}
