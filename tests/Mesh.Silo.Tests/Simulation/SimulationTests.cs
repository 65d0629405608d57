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
    public async Task RunAsync_BadArgument_ExitsTwoNamingIt(string option, string value, string named)
    {
        var error = new StringWriter();

        var code = await SimulationCommand.RunAsync([option, value], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
