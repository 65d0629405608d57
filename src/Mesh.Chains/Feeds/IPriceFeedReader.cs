namespace Mesh.Chains.Feeds;

/// <summary>Reads the price feeds of <c>chains.json</c> (each chain's <c>priceFeeds</c>) from their chains. Thread-safe.</summary>
public interface IPriceFeedReader
{
    /// <summary>The latest round of the feed of <paramref name="asset"/> on <paramref name="chain"/>.</summary>
    /// <param name="chain">The chain name in <c>chains.json</c>.</param>
    /// <param name="asset">The asset the feed prices.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The round, checked: a positive answer, an update time, a round answered in itself, the decimals chains.json states.</returns>
    /// <exception cref="Mesh.Chains.Clients.ChainClientException">
    /// With a code of <see cref="PriceFeedErrorCodes"/> when the feed is unknown, has no data or answers what cannot be
    /// used (the message says what), or a transport code when the chain cannot be reached.
    /// </exception>
    Task<PriceFeedRound> ReadLatestAsync(string chain, string asset, CancellationToken cancellationToken = default);
}
