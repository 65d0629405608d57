namespace Mesh.Oracles;

/// <summary>One asset's simulated price feed (key: the asset), pushing its sources' observations into the asset's oracle.</summary>
[Alias("mesh.simulated-feed")]
public interface ISimulatedFeedGrain : IGrainWithStringKey
{
    /// <summary>Starts the feed if it is enabled and not running (idempotent); it keeps running across deactivations and silo failures.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the feed runs.</returns>
    [Alias("mesh.simulated-feed.start")]
    Task<bool> Start(CancellationToken cancellationToken = default);
}
