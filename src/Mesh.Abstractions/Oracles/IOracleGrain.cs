namespace Mesh.Oracles;

/// <summary>
/// One asset's price oracle (key: the asset symbol): observations from several sources aggregated by median, stale
/// and outlier observations rejected, a circuit breaker on sudden moves, realized and forecast volatility, regime.
/// </summary>
[Alias("mesh.oracle")]
public interface IOracleGrain : IGrainWithStringKey
{
    /// <summary>Records a source's observation; refused with a stable code and no state change when invalid.</summary>
    /// <param name="observation">The observation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The aggregate after it.</returns>
    [Alias("mesh.oracle.observe")]
    Task<OracleSnapshot> Observe(PriceObservation observation, CancellationToken cancellationToken = default);

    /// <summary>Reads the aggregate as of now (freshness re-evaluated).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The aggregate.</returns>
    [Alias("mesh.oracle.snapshot")]
    Task<OracleSnapshot> Snapshot(CancellationToken cancellationToken = default);
}
