namespace Mesh.Risk.Volatility;

/// <summary>Static-arbitrage findings for a set of SVI slices on a log-moneyness grid.</summary>
/// <param name="Butterfly">Every grid point and expiry where g(k) &lt; 0.</param>
/// <param name="Calendar">Every grid point and expiry pair where total variance decreases.</param>
public sealed record ArbitrageReport(IReadOnlyList<ButterflyViolation> Butterfly, IReadOnlyList<CalendarViolation> Calendar)
{
    /// <summary>Gets a value indicating whether no violation was found.</summary>
    public bool IsArbitrageFree => Butterfly.Count == 0 && Calendar.Count == 0;
}
