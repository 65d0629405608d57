namespace Mesh.Grains.Oracles;

/// <summary>Settings every asset's oracle shares (under <c>Mesh:Oracles</c>); each asset's own are named <see cref="OracleOptions"/>.</summary>
public sealed class MeshOracleOptions
{
    /// <summary>Gets the sources an asset has when its settings name none.</summary>
    /// <value>The default is <c>feed-1</c>, <c>feed-2</c>, <c>feed-3</c> with a one-minute heartbeat.</value>
    public IList<string> DefaultSources { get; set; } = ["feed-1", "feed-2", "feed-3"];

    /// <summary>Gets the annualized volatility used per asset until its oracle has history to estimate one.</summary>
    /// <value>The default is empty: every asset uses <see cref="DefaultFallbackVolatility"/>.</value>
    public Dictionary<string, double> FallbackVolatility { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the annualized volatility for an asset missing from <see cref="FallbackVolatility"/>.</summary>
    /// <value>The default is 0.8 (a volatile crypto asset: conservative until measured).</value>
    public double DefaultFallbackVolatility { get; set; } = 0.8;

    /// <summary>Gets or sets the simulated price feed (<c>Mesh:Oracles:SimulatedFeed</c>).</summary>
    /// <value>The default is a feed that does not run.</value>
    public SimulatedFeedOptions SimulatedFeed { get; set; } = new();

    /// <summary>Gets or sets the on-chain price feeds of <c>chains.json</c> (<c>Mesh:Oracles:ChainFeeds</c>).</summary>
    /// <value>The default is feeds that are not read.</value>
    public ChainFeedOptions ChainFeeds { get; set; } = new();
}
