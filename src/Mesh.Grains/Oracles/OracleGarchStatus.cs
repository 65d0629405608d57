namespace Mesh.Grains.Oracles;

/// <summary>Whether the GARCH(1,1) forecast is available.</summary>
internal enum OracleGarchStatus
{
    /// <summary>Fewer returns than the minimum for a fit; the forecast is EWMA (once that has enough returns).</summary>
    NotEnoughHistory,

    /// <summary>A usable fit: the forecast is GARCH's term volatility over the regime horizon.</summary>
    Fitted,

    /// <summary>The latest fit failed (no convergence, degenerate data, near-integrated); the forecast is EWMA.</summary>
    FallbackToEwma,
}
