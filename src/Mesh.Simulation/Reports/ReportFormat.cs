using System.Globalization;

namespace Mesh.Simulation.Reports;

/// <summary>The invariant-culture formatting every writer shares, so the same report gives the same bytes anywhere.</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Price(decimal value) => value.ToString("#,##0.00", Invariant);

    internal static string Usd(decimal value) => value.ToString("#,##0", Invariant);

    internal static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", Invariant) + "%";

    internal static string Hours(decimal value) => value.ToString("#,##0.0", Invariant);

    internal static string Count(int value) => value.ToString("#,##0", Invariant);

    internal static string HealthFactor(double? value) => value switch
    {
        null => "-",
        { } v when double.IsPositiveInfinity(v) => "inf",
        { } v => v.ToString("0.000", Invariant),
    };

    internal static string Duration(TimeSpan? value) => value is { } t
        ? string.Create(Invariant, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : "never";

    /// <summary>An exact, culture-free number for CSV: decimals as they are, doubles round-trippable.</summary>
    internal static string Raw(decimal value) => value.ToString(Invariant);

    internal static string Raw(double value) => value.ToString("R", Invariant);

    internal static string Raw(int value) => value.ToString(Invariant);

    internal static string Svg(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    internal static double? Median(IReadOnlyList<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal static int BelowOne(IReadOnlyList<double> values) => values.Count(v => v < 1.0);
}
