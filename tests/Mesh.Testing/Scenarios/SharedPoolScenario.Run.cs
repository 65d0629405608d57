using System.Text.Json;

namespace Mesh.Testing.Scenarios;

/// <summary>The scenario from start to end, conservation checked at every quiescent step.</summary>
public sealed partial class SharedPoolScenario
{
    /// <summary>The WETH price before the shock.</summary>
    public const decimal WethPrice = 2_000m;

    /// <summary>The WETH price after the shock (−30%).</summary>
    public const decimal ShockedWethPrice = 1_400m;

    /// <summary>
    /// Runs the scenario: join and approve, prices, the opening positions, exposures, the batch (cut by
    /// <paramref name="kill"/> when given) retried until every request completed once, the oracle shock. Checks
    /// conservation after joining, after the opening, after the batch and after the shock.
    /// </summary>
    /// <param name="kill">Kills a silo between the batch's two waves, if the test does.</param>
    /// <returns>What it saw.</returns>
    public async Task<SharedPoolOutcome> RunAsync(Func<Task>? kill = null)
    {
        await JoinAsync();
        await FeedPricesAsync(WethPrice);
        await AssertConservedAsync("joined");

        await OpenPositionsAsync();
        await AssertConservedAsync("opened");
        var reported = await ReportExposuresAsync();

        await FeedPricesAsync(WethPrice);
        var attempts = await RunBatchAsync(Batch("batch"), kill);
        await SettleBatchAsync(attempts);
        await AssertConservedAsync("after the batch");

        var before = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var b in Borrowers)
        {
            before[b.Id] = await HealthAsync(b);
            Log($"{b.Id} before the shock: {Describe(before[b.Id])}");
        }

        var after = await ShockAsync(ShockedWethPrice);
        foreach (var b in Borrowers)
        {
            Log($"{b.Id} after the shock: {Describe(after[b.Id])}");
        }

        await AssertConservedAsync("after the shock");
        return new SharedPoolOutcome(reported, before, after, attempts);
    }

    private static string Describe(JsonElement health) =>
        $"health factor {health.GetProperty("healthFactor")}, need {(health.GetProperty("need").ValueKind == JsonValueKind.Object ? health.GetProperty("need").GetProperty("direction").GetString() : "none")}";
}
