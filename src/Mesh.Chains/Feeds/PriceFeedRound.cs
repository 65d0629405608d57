namespace Mesh.Chains.Feeds;

/// <summary>The latest round of an on-chain price feed (<c>latestRoundData</c>), checked and scaled by the feed's decimals.</summary>
/// <param name="Chain">The chain the feed is on.</param>
/// <param name="Asset">The token the feed prices in USD.</param>
/// <param name="RoundId">The round.</param>
/// <param name="Price">The answer in USD (the integer answer divided by 10^decimals); always greater than zero.</param>
/// <param name="UpdatedAt">When the round was last updated on chain (the block time of its answer).</param>
/// <param name="ChainTime">
/// The time of the chain's head when the round was read. A chain's clock can run ahead of the wall clock (a dev chain
/// that mines many blocks a second stamps each a second later), so the round's age is <c>ChainTime - UpdatedAt</c>,
/// both on the chain's clock.
/// </param>
public sealed record PriceFeedRound(string Chain, string Asset, ulong RoundId, decimal Price, DateTimeOffset UpdatedAt, DateTimeOffset ChainTime)
{
    /// <summary>How old the answer is on the chain's own clock (zero when the head read was older than the round).</summary>
    public TimeSpan Age => ChainTime > UpdatedAt ? ChainTime - UpdatedAt : TimeSpan.Zero;
}
