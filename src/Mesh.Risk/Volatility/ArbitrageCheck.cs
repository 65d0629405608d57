namespace Mesh.Risk.Volatility;

/// <summary>Butterfly (g(k) ≥ 0) and calendar (total variance non-decreasing in expiry) checks for SVI surfaces.</summary>
public static class ArbitrageCheck
{
    /// <summary>Checks every slice and each consecutive expiry pair on the grid.</summary>
    /// <param name="slices">The surface's slices in any order.</param>
    /// <param name="logMoneynessGrid">Points k at which to check.</param>
    /// <param name="tolerance">Slack for the comparisons (g and total variance).</param>
    /// <returns>All violations, expiry-ordered.</returns>
    public static ArbitrageReport Check(IEnumerable<SviSlice> slices, ReadOnlySpan<double> logMoneynessGrid, double tolerance = 1e-12)
    {
        var ordered = slices.OrderBy(s => s.Expiry).ToArray();
        var butterfly = new List<ButterflyViolation>();
        var calendar = new List<CalendarViolation>();
        foreach (var slice in ordered)
        {
            butterfly.AddRange(Butterfly(slice, logMoneynessGrid, tolerance));
        }

        for (var i = 1; i < ordered.Length; i++)
        {
            foreach (var k in logMoneynessGrid)
            {
                var earlier = ordered[i - 1].Parameters.TotalVariance(k);
                var later = ordered[i].Parameters.TotalVariance(k);
                if (later < earlier - tolerance)
                {
                    calendar.Add(new CalendarViolation(k, ordered[i - 1].Expiry, ordered[i].Expiry, earlier, later));
                }
            }
        }

        return new ArbitrageReport(butterfly, calendar);
    }

    /// <summary>Grid points where one slice's g(k) is negative (or its total variance is not positive).</summary>
    /// <param name="slice">The slice.</param>
    /// <param name="logMoneynessGrid">Points k at which to check.</param>
    /// <param name="tolerance">Slack on g.</param>
    /// <returns>The violations.</returns>
    public static IReadOnlyList<ButterflyViolation> Butterfly(SviSlice slice, ReadOnlySpan<double> logMoneynessGrid, double tolerance = 1e-12)
    {
        var result = new List<ButterflyViolation>();
        foreach (var k in logMoneynessGrid)
        {
            var g = slice.Parameters.TotalVariance(k) > 0 ? slice.Parameters.ButterflyDensity(k) : double.NegativeInfinity;
            if (g < -tolerance)
            {
                result.Add(new ButterflyViolation(slice.Expiry, k, g));
            }
        }

        return result;
    }
}
