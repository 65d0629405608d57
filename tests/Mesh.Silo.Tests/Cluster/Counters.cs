using System.Collections.Concurrent;
using Mesh.TestGrains;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>Reads and checks many counter grains.</summary>
internal static class Counters
{
    public static IReadOnlyList<string> Keys(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];

    /// <summary>Calls <c>Get()</c> on every grain (a few at a time), retrying each until it answers or the deadline passes.</summary>
    /// <param name="client">The client.</param>
    /// <param name="keys">The grains.</param>
    /// <param name="timeout">How long one grain may stay unreachable.</param>
    /// <param name="failures">Records what failed attempts saw.</param>
    /// <param name="grains">Which counter grain; <see cref="CounterGrains.Counter"/> unless given.</param>
    /// <returns>Every grain's snapshot, by key.</returns>
    public static async Task<IReadOnlyDictionary<string, CounterSnapshot>> SnapshotAsync(
        IClusterClient client, IReadOnlyList<string> keys, TimeSpan timeout, CallFailures failures, CounterGrains? grains = null)
    {
        grains ??= CounterGrains.Counter;
        var snapshots = new ConcurrentDictionary<string, CounterSnapshot>();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (key, cancellationToken) =>
        {
            var since = failures.Clock.Elapsed;
            while (true)
            {
                try
                {
                    snapshots[key] = await grains.Get(client, key).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                    return;
                }
                catch (Exception exception) when (failures.Clock.Elapsed - since < timeout)
                {
                    failures.Record(exception);
                    await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                }
            }
        });
        return snapshots;
    }

    /// <summary>Every grain holds exactly the sum of its acknowledged increments and counts exactly their number.</summary>
    /// <param name="expected">Acknowledged sums and counts by key.</param>
    /// <param name="actual">What the grains hold.</param>
    public static void AssertExactlyOnce(IReadOnlyDictionary<string, (long Sum, int Count)> expected, IReadOnlyDictionary<string, CounterSnapshot> actual)
    {
        var wrong = actual
            .Select(a => (a.Key, Actual: a.Value, Expected: expected.TryGetValue(a.Key, out var e) ? e : (Sum: 0L, Count: 0)))
            .Where(x => x.Actual.Value != x.Expected.Sum || x.Actual.Operations != x.Expected.Count)
            .Select(x => $"{x.Key}: holds {x.Actual.Value} from {x.Actual.Operations} operations, acknowledged {x.Expected.Sum} from {x.Expected.Count}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} grain(s) differ from their acknowledged increments:\n{string.Join('\n', wrong.Take(20))}");
        Assert.True(expected.Keys.All(actual.ContainsKey), "every incremented grain was read back");
    }
}
