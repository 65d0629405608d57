namespace Mesh.Silo.Tests.Cluster;

/// <summary>Measures how long the grains of a lost silo take to answer again from a survivor.</summary>
internal static class Recovery
{
    /// <summary>
    /// For each grain, the time from <paramref name="since"/> (on the failures' clock) until a call answers from a silo
    /// other than <paramref name="lostSilo"/>. Attempts are short, so that calls stuck on a frozen silo do not hide a
    /// recovery.
    /// </summary>
    /// <param name="keys">The grains of the lost silo.</param>
    /// <param name="siloOf">Calls a grain and returns the silo that answered.</param>
    /// <param name="lostSilo">The lost silo's address.</param>
    /// <param name="since">When it was lost.</param>
    /// <param name="limit">How long a grain may stay unanswered before the measurement fails.</param>
    /// <param name="failures">Records what failed attempts saw.</param>
    /// <returns>One time per grain.</returns>
    public static async Task<TimeSpan[]> UntilServedElsewhereAsync(
        IEnumerable<string> keys, Func<string, Task<string>> siloOf, string lostSilo, TimeSpan since, TimeSpan limit, CallFailures failures) =>
        await Task.WhenAll(keys.Select(async key =>
        {
            while (true)
            {
                try
                {
                    if (await siloOf(key).WaitAsync(TimeSpan.FromMilliseconds(250)) != lostSilo)
                    {
                        return failures.Clock.Elapsed - since;
                    }
                }
                catch (Exception exception) when (failures.Clock.Elapsed - since < limit)
                {
                    // Not served yet: the silo is not declared dead, or the grain is re-activating elsewhere.
                    failures.Record(exception);
                }

                if (failures.Clock.Elapsed - since > limit)
                {
                    throw new Xunit.Sdk.XunitException($"{key} did not answer from a survivor within {limit.TotalSeconds} s of losing {lostSilo}.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }
        }));

    /// <summary>"min / median / max" in seconds.</summary>
    /// <param name="times">Recovery times.</param>
    /// <returns>The summary.</returns>
    public static string Summary(IReadOnlyCollection<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return $"min {sorted[0].TotalSeconds:F2} s / median {sorted[sorted.Count / 2].TotalSeconds:F2} s / max {sorted[^1].TotalSeconds:F2} s over {sorted.Count} grains";
    }
}
