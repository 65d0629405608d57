namespace Mesh.Risk.Volatility;

/// <summary>A log-moneyness where total variance decreases from one expiry to the next (calendar arbitrage).</summary>
/// <param name="K">Log-moneyness ln(K/F).</param>
/// <param name="EarlierExpiry">The shorter expiry.</param>
/// <param name="LaterExpiry">The longer expiry.</param>
/// <param name="EarlierVariance">Total variance of the shorter expiry at K.</param>
/// <param name="LaterVariance">Total variance of the longer expiry at K (smaller: the violation).</param>
public sealed record CalendarViolation(double K, double EarlierExpiry, double LaterExpiry, double EarlierVariance, double LaterVariance);
