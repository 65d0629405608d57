namespace Mesh.Grains.Oracles;

/// <summary>One price source of an asset: an authorized feeder, the simulated feed, later an on-chain feed.</summary>
public sealed class OracleSourceOptions
{
    /// <summary>Gets or sets the source's name, unique within the asset (the feeder identity the API authorized).</summary>
    /// <value>The default is empty, which <see cref="OracleOptions.Validate"/> refuses.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the heartbeat: an observation older than this is stale and left out of the aggregate, as a
    /// Chainlink answer older than its feed's heartbeat is not to be used.
    /// </summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromMinutes(1);
}
