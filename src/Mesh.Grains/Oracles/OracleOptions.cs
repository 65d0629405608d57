using Mesh.Risk.Volatility;

namespace Mesh.Grains.Oracles;

/// <summary>
/// How one asset's oracle aggregates its sources, when its circuit breaker trips and how it measures volatility.
/// </summary>
/// <remarks>
/// Volatility works on log returns of the aggregate sampled every <see cref="ReturnInterval"/> (one return per
/// interval; a gap of k intervals gives one return divided by √k, its per-interval equivalent). Per-interval
/// volatility is annualised with √(<see cref="DaysPerYear"/> · 1 day / <see cref="ReturnInterval"/>): 24/7 markets.
/// </remarks>
public sealed partial class OracleOptions
{
    /// <summary>Gets or sets the decimals of the aggregate price; observations are rounded to them.</summary>
    /// <value>The default is 8 (Chainlink USD feeds).</value>
    public int Decimals { get; set; } = 8;

    /// <summary>Gets the sources, each with its heartbeat; an observation from any other source is refused.</summary>
    /// <value>The default is no source, which <see cref="Validate"/> refuses.</value>
    public IList<OracleSourceOptions> Sources { get; init; } = [];

    /// <summary>
    /// Gets or sets the quorum: fewer fresh, non-outlier sources than this give no valid aggregate (status no quorum).
    /// With 3 or more, one manipulated source cannot move a valid aggregate outside the range of the honest sources.
    /// </summary>
    /// <value>The default is 3.</value>
    public int MinSources { get; set; } = 3;

    /// <summary>
    /// Gets or sets k: a fresh observation farther than k · MAD (median absolute deviation from the median of all fresh
    /// observations) from that median is an outlier.
    /// </summary>
    /// <value>The default is 5.</value>
    public double OutlierMadMultiple { get; set; } = 5.0;

    /// <summary>
    /// Gets or sets the smallest outlier distance as a share of the median, so that MAD = 0 (most sources agree to the
    /// unit) does not reject a source that differs by a rounding step.
    /// </summary>
    /// <value>The default is 0.005 (0.5%).</value>
    public double OutlierMinDeviation { get; set; } = 0.005;

    /// <summary>Gets or sets how far in the future an observation's timestamp may be (clock skew of feeders).</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the circuit breaker's threshold: the breaker trips when the aggregate is more than this share above
    /// the lowest or below the highest aggregate inside <see cref="BreakerWindow"/>.
    /// </summary>
    /// <value>The default is 0.10 (10%).</value>
    public double BreakerThreshold { get; set; } = 0.10;

    /// <summary>Gets or sets the window over which the breaker compares prices.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan BreakerWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long the breaker stays open after its last trip.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan BreakerCooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the factor on haircuts while the breaker is open (1 when closed).</summary>
    /// <value>The default is 1.5.</value>
    public double BreakerHaircutMultiplier { get; set; } = 1.5;

    /// <summary>Gets or sets the sampling interval of the aggregate for volatility: one log return per interval.</summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan ReturnInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the most returns kept (older ones are dropped).</summary>
    /// <value>The default is 1440 (one day of 1-minute returns).</value>
    public int MaxReturns { get; set; } = 1440;

    /// <summary>Gets or sets the EWMA decay λ per return interval; memory is about 1 / (1 − λ) intervals.</summary>
    /// <value>The default is 0.98 (half-life about 34 intervals).</value>
    public double EwmaLambda { get; set; } = 0.98;

    /// <summary>Gets or sets the returns needed before EWMA volatility and the regime are reported.</summary>
    /// <value>The default is 20; until then, and to seed it, the EWMA variance is the mean squared return.</value>
    public int MinReturnsForEwma { get; set; } = 20;

    /// <summary>Gets or sets the returns needed before GARCH(1,1) is fitted (at least 30).</summary>
    /// <value>The default is 240.</value>
    public int MinReturnsForGarch { get; set; } = 240;

    /// <summary>Gets or sets how often GARCH(1,1) is refitted on the kept returns.</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan GarchRefitInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the horizon of the GARCH volatility forecast and of the regime.</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan RegimeHorizon { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the days per year for annualising volatility.</summary>
    /// <value>The default is 365 (crypto trades every day).</value>
    public double DaysPerYear { get; set; } = 365.0;

    /// <summary>Gets or sets the regime thresholds (forecast over long-run volatility).</summary>
    /// <value>The default is elevated above 1.25, stressed from 2.</value>
    public VolatilityRegimeOptions Regime { get; set; } = new();
}
