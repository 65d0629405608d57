namespace Mesh.Oracles;

/// <summary>
/// One on-chain price feed of <c>chains.json</c> (key: chain and asset, <c>local-a/WETH</c>): it reads the feed's latest
/// round every poll interval and pushes each new round into the asset's oracle as source <c>chain:</c> and the chain's name.
/// </summary>
[Alias("mesh.chain-feed")]
public interface IChainFeedGrain : IGrainWithStringKey
{
    /// <summary>Starts reading if chain feeds are enabled (idempotent); it keeps reading across deactivations and silo failures.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the feed is read.</returns>
    /// <exception cref="Mesh.Errors.MeshException">With <c>oracle.unknown_feed</c> (not found) when chains.json lists no such feed.</exception>
    [Alias("mesh.chain-feed.start")]
    Task<bool> Start(CancellationToken cancellationToken = default);

    /// <summary>What the feed last answered and what became of it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    [Alias("mesh.chain-feed.status")]
    Task<ChainFeedStatus> Status(CancellationToken cancellationToken = default);
}
