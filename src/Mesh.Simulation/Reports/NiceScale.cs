namespace Mesh.Simulation.Reports;

/// <summary>An axis range widened to round numbers with about five ticks (Heckbert's "nice numbers").</summary>
/// <param name="Min">The axis's low end.</param>
/// <param name="Max">The axis's high end.</param>
/// <param name="Step">The distance between ticks.</param>
internal sealed record NiceScale(double Min, double Max, double Step)
{
    internal static NiceScale For(double min, double max, bool includeZero = false)
    {
        if (includeZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }

        if (!(double.IsFinite(min) && double.IsFinite(max)) || min > max)
        {
            (min, max) = (0, 1);
        }

        if (max - min < 1e-12)
        {
            var pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.05 : 1;
            (min, max) = (includeZero && min >= 0 ? min : min - pad, max + pad);
        }

        var step = Nice((max - min) / 4, round: true);
        return new NiceScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    internal IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Min + (i * Step);
        }
    }

    internal string Label(double value) =>
        Step >= 1 ? value.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static double Nice(double range, bool round)
    {
        var exponent = Math.Floor(Math.Log10(range));
        var fraction = range / Math.Pow(10, exponent);
        var nice = round
            ? fraction switch { < 1.5 => 1, < 3 => 2, < 7 => 5, _ => 10 }
            : fraction switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 };
        return nice * Math.Pow(10, exponent);
    }
}
