namespace Mesh.Grains.Oracles;

/// <summary>The aggregate's sampled log returns (bounded) and the volatility estimates built on them.</summary>
internal sealed class OracleVolatilityState
{
    /// <summary>Gets or sets the time of the latest sample (aligned to the return interval), or null before the first.</summary>
    public DateTimeOffset? LastSampleAt { get; set; }

    /// <summary>Gets or sets the aggregate mantissa of the latest sample.</summary>
    public long LastSamplePrice { get; set; }

    /// <summary>Gets or sets the per-interval log returns, oldest first, at most the configured number.</summary>
    public List<double> Returns { get; set; } = [];

    /// <summary>Gets or sets the returns recorded since the start (the list above is trimmed; this is not).</summary>
    public long TotalReturns { get; set; }

    /// <summary>Gets or sets the EWMA variance per interval for the next interval.</summary>
    public double EwmaVariance { get; set; }

    /// <summary>Gets or sets the fitted GARCH(1,1), or null when not fitted or the fit was not usable.</summary>
    public OracleGarchState? Garch { get; set; }

    /// <summary>Gets or sets when a GARCH fit was last attempted.</summary>
    public DateTimeOffset? LastFitAttemptAt { get; set; }

    /// <summary>Gets or sets why the latest fit was not used (then the forecast falls back to EWMA), or null.</summary>
    public string? GarchFallbackReason { get; set; }
}
