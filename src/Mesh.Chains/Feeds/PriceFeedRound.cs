namespace Mesh.Chains.Feeds;

/// <summary>The latest round of an on-chain price feed (<c>latestRoundData</c>), checked and scaled by the feed's decimals.</summary>
/// <param name="Chain">The chain the feed is on.</param>
/// <param name="Asset">The token the feed prices in USD.</param>
/// <param name="RoundId">The round.</param>
/// <param name="Price">The answer in USD (the integer answer divided by 10^decimals); always greater than zero.</param>
/// <param name="UpdatedAt">When the round was last updated on chain (the block time of its answer).</param>
public sealed record PriceFeedRound(string Chain, string Asset, ulong RoundId, decimal Price, DateTimeOffset UpdatedAt);
