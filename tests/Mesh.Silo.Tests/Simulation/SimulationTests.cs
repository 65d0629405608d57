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
