using System.Globalization;

namespace Mesh.Grains.Oracles;

/// <summary>Median and the k · MAD outlier filter on integer price mantissas.</summary>
internal static class OracleMedian
{
    /// <summary>The median of sorted values; with an even count, the mean of the two middle ones rounded down.</summary>
    /// <param name="sorted">Values in ascending order (at least one).</param>
    /// <returns>The median.</returns>
    public static long Median(ReadOnlySpan<long> sorted)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(sorted));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1
            ? sorted[middle]
            : (long)(((Int128)sorted[middle - 1] + sorted[middle]) / 2);
    }

    /// <summary>
    /// Splits observations into those within max(k · MAD, minDeviation · median) of the median of all of them, and
    /// the outliers beyond. MAD is the median absolute deviation from that median (unscaled).
    /// </summary>
    /// <param name="prices">Source name and mantissa, at least one.</param>
    /// <param name="madMultiple">k.</param>
    /// <param name="minDeviation">The smallest bound as a share of the median (covers MAD = 0).</param>
    /// <returns>The kept observations ordered by price then name, and the outliers with a detail sentence.</returns>
    public static (List<(string Source, long Price)> Kept, List<OracleRejection> Outliers) Filter(
        IReadOnlyList<(string Source, long Price)> prices, double madMultiple, double minDeviation)
    {
        var sorted = prices.OrderBy(p => p.Price).ThenBy(p => p.Source, StringComparer.Ordinal).ToList();
        var values = sorted.Select(p => p.Price).ToArray();
        var median = Median(values);
        var deviations = values.Select(v => Math.Abs(v - median)).Order().ToArray();
        var mad = Median(deviations);
        var bound = Math.Max(madMultiple * mad, minDeviation * median);
        var kept = new List<(string Source, long Price)>(sorted.Count);
        var outliers = new List<OracleRejection>();
        foreach (var p in sorted)
        {
            var deviation = Math.Abs(p.Price - median);
            if (deviation > bound)
            {
                var detail = string.Create(CultureInfo.InvariantCulture, $"{deviation} units from the median {median}; the bound is {bound:0.##} (k·MAD {madMultiple * mad:0.##}, floor {minDeviation * median:0.##}).");
                outliers.Add(new OracleRejection(p.Source, OracleRejectionReason.Outlier, detail));
            }
            else
            {
                kept.Add(p);
            }
        }

        return (kept, outliers);
    }
}
