namespace Mesh.Oracles;

/// <summary>An oracle's aggregate for one asset.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Price">The median of fresh, non-outlier observations in USD; the last good one while there is no quorum; null before any.</param>
/// <param name="Round">Increases with every new aggregate.</param>
/// <param name="Fresh">True when enough fresh sources agree (quorum).</param>
/// <param name="SourcesUsed">How many observations the aggregate uses.</param>
/// <param name="Rejected">Observations left out, each with its reason (stale, outlier).</param>
/// <param name="EwmaVolatility">Annualized EWMA realized volatility of the aggregate.</param>
/// <param name="ForecastVolatility">Annualized GARCH(1,1) forecast over the regime horizon (EWMA while there is too little history to fit).</param>
/// <param name="Regime">The regime of the forecast.</param>
/// <param name="BreakerOpen">True while the circuit breaker is open: haircuts rise and new credit pauses; risk-reducing actions go on.</param>
/// <param name="HaircutMultiplier">≥ 1: what haircuts on this asset are multiplied by now.</param>
/// <param name="UpdatedAt">When the aggregate last changed.</param>
[GenerateSerializer]
[Alias("mesh.oracle.snapshot")]
public sealed record OracleSnapshot(
    [property: Id(0)] string Asset,
    [property: Id(1)] decimal? Price,
    [property: Id(2)] long Round,
    [property: Id(3)] bool Fresh,
    [property: Id(4)] int SourcesUsed,
    [property: Id(5)] IReadOnlyList<RejectedObservation> Rejected,
    [property: Id(6)] double EwmaVolatility,
    [property: Id(7)] double ForecastVolatility,
    [property: Id(8)] MarketRegime Regime,
    [property: Id(9)] bool BreakerOpen,
    [property: Id(10)] double HaircutMultiplier,
    [property: Id(11)] DateTimeOffset? UpdatedAt);
