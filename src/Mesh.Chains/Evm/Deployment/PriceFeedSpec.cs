namespace Mesh.Chains.Evm.Deployment;

/// <summary>A price feed to deploy.</summary>
/// <param name="Description">What it prices, e.g. <c>ETH / USD</c>.</param>
/// <param name="Decimals">The decimals of its answers, e.g. 8.</param>
/// <param name="InitialAnswer">The first answer published, if any, in those decimals.</param>
public sealed record PriceFeedSpec(string Description, int Decimals, long? InitialAnswer = null);
