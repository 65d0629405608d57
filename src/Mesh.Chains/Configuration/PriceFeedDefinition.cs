namespace Mesh.Chains.Configuration;

/// <summary>An on-chain price feed in the shape of Chainlink's <c>AggregatorV3Interface</c> that prices one token of its chain in USD.</summary>
/// <param name="Asset">The symbol of the token it prices, one of the chain's tokens, e.g. <c>WETH</c>.</param>
/// <param name="Address">The feed contract address: <c>0x</c> and 40 lower-case hex digits.</param>
/// <param name="Decimals">The decimals of the feed's answers (0 to 36); the feed's own <c>decimals()</c> must agree.</param>
/// <param name="Heartbeat">How old an answer may be before it is stale (1 second to 7 days).</param>
public sealed record PriceFeedDefinition(string Asset, string Address, int Decimals, TimeSpan Heartbeat);
