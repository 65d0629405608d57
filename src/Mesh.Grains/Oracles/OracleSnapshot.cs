namespace Mesh.Grains.Oracles;

/// <summary>One asset's oracle at one time: the aggregate, how it was formed, the breaker and volatility.</summary>
/// <param name="RoundId">The round of <see cref="Price"/>; it increases whenever the price or its sources change.</param>
/// <param name="Price">The latest valid aggregate (median of the fresh, non-outlier sources), or null before the first.</param>
/// <param name="Status">Fresh, or no quorum (then <see cref="Price"/> is the last valid one, see <see cref="UpdatedAt"/>).</param>
/// <param name="AsOf">The time the snapshot was computed for.</param>
/// <param name="UpdatedAt">When the round of <see cref="Price"/> was computed (Chainlink's updatedAt).</param>
/// <param name="OldestObservationAt">The oldest observation in the current aggregate, if fresh.</param>
/// <param name="SourcesUsed">The sources in the current aggregate (empty without quorum).</param>
/// <param name="Rejected">The sources left out now, with why.</param>
/// <param name="Breaker">The circuit breaker.</param>
/// <param name="Volatility">Volatility and regime.</param>
internal sealed record OracleSnapshot(
    long RoundId,
    OraclePrice? Price,
    OracleFeedStatus Status,
    DateTimeOffset AsOf,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? OldestObservationAt,
    IReadOnlyList<string> SourcesUsed,
    IReadOnlyList<OracleRejection> Rejected,
    OracleBreakerSnapshot Breaker,
    OracleVolatilitySnapshot Volatility)
{
    /// <summary>Gets a value indicating whether the price is current (quorum met now).</summary>
    public bool IsFresh => Status == OracleFeedStatus.Fresh;

    /// <summary>
    /// Gets a value indicating whether new credit may be drawn against this price: fresh and the breaker closed.
    /// Risk-reducing actions never consult this.
    /// </summary>
    public bool AllowsNewCredit => IsFresh && !Breaker.IsOpen;

    /// <summary>Gets the factor on haircuts (above 1 while the breaker is open).</summary>
    public double HaircutMultiplier => Breaker.HaircutMultiplier;
}
