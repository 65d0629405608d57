using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// The exceptions callers saw, with when (on the test's clock), grouped by type and message with silo addresses, ids
/// and numbers elided: what a client of the mesh has to handle during a failure.
/// </summary>
internal sealed partial class CallFailures(Stopwatch clock)
{
    private readonly ConcurrentQueue<(TimeSpan At, string Kind)> _all = new();

    public Stopwatch Clock => clock;

    public int Count => _all.Count;

    public void Record(Exception exception) => _all.Enqueue((clock.Elapsed, KindOf(exception)));

    /// <summary>The kinds seen between two instants, most frequent first.</summary>
    /// <returns>Distinct kinds.</returns>
    public IReadOnlyList<string> KindsBetween(TimeSpan from, TimeSpan to) =>
        [.. _all.Where(f => f.At >= from && f.At <= to).GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => g.Key)];

    public int CountBetween(TimeSpan from, TimeSpan to) => _all.Count(f => f.At >= from && f.At <= to);

    /// <summary>One line per kind: count, first and last time, the kind.</summary>
    /// <returns>Lines, the earliest kind first.</returns>
    public IEnumerable<string> Describe() =>
        _all.GroupBy(f => f.Kind)
            .OrderBy(g => g.Min(f => f.At))
            .Select(g => $"{g.Count(),6} x  {g.Min(f => f.At).TotalSeconds,6:F2}s..{g.Max(f => f.At).TotalSeconds,6:F2}s  {g.Key}");

    /// <summary>The type and first message line of an exception and of its inner exceptions, variable parts elided.</summary>
    /// <returns>A stable description.</returns>
    public static string KindOf(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 3; current = current.InnerException)
        {
            var message = Variable().Replace(current.Message.Split('\n', 2)[0].Trim(), "#");
            parts.Add($"{current.GetType().Name}: {(message.Length > 220 ? message[..220] + "..." : message)}");
        }

        return string.Join(" --> ", parts);
    }

    [GeneratedRegex(@"S?\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(:\d+)+(@\d+)?|[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}|0x[0-9A-Fa-f]+|\b[0-9a-f]{16,}\b|\d+(\.\d+)?")]
    private static partial Regex Variable();
}
