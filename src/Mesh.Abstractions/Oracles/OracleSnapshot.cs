namespace Mesh.Oracles;

/// <summary>An oracle's aggregate for one asset.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Price">The median of fresh, non-outlier observations in USD; the last good one while there is no quorum; null before any.</param>
/// <param name="Round">Increases with every new aggregate.</param>
/// <param name="Fresh">True when enough fresh sources agree (quorum).</param>
/// <param name="SourcesUsed">How many observations the aggregate uses.</param>
/// <param name="Rejected">Observations left out, each with its reason (stale, outlier).</param>
/// <param name="EwmaVolatility">Annualized EWMA realized volatility of the aggregate; null with too little history.</param>
/// <param name="ForecastVolatility">Annualized volatility to use: the GARCH(1,1) forecast when fitted, else EWMA, else the asset's configured fallback (see <paramref name="VolatilitySource"/>).</param>
/// <param name="Regime">The regime of the forecast (calm until there is history to say otherwise).</param>
/// <param name="BreakerOpen">True while the circuit breaker is open: haircuts rise and new credit pauses; risk-reducing actions go on.</param>
/// <param name="HaircutMultiplier">≥ 1: what haircuts on this asset are multiplied by now.</param>
/// <param name="UpdatedAt">When the aggregate last changed.</param>
/// <param name="VolatilitySource">Where <paramref name="ForecastVolatility"/> comes from: <c>garch</c>, <c>ewma</c> or <c>fallback</c>.</param>
/// <param name="LongRunVolatility">The annualized long-run level the regime is measured against (GARCH's when fitted, else the RMS of the kept returns); null with too little history.</param>
[GenerateSerializer]
[Alias("mesh.oracle.snapshot")]
public sealed record OracleSnapshot(
    [property: Id(0)] string Asset,
    [property: Id(1)] decimal? Price,
    [property: Id(2)] long Round,
    [property: Id(3)] bool Fresh,
    [property: Id(4)] int SourcesUsed,
    [property: Id(5)] IReadOnlyList<RejectedObservation> Rejected,
    [property: Id(6)] double? EwmaVolatility,
    [property: Id(7)] double ForecastVolatility,
    [property: Id(8)] MarketRegime Regime,
    [property: Id(9)] bool BreakerOpen,
    [property: Id(10)] double HaircutMultiplier,
    [property: Id(11)] DateTimeOffset? UpdatedAt,
    [property: Id(12)] string VolatilitySource,
    [property: Id(13)] double? LongRunVolatility = null);
