namespace Mesh.Chains.Evm.Deployment;

/// <summary>What to deploy on one chain. The same plan on a fresh chain gives the same addresses.</summary>
/// <param name="Operator">The mesh's signing address, granted the vault's operator role.</param>
/// <param name="Tokens">The test tokens, deployed first, in this order.</param>
/// <param name="PriceFeeds">The price feeds, deployed after the vault, in this order.</param>
public sealed record DeploymentPlan(string Operator, IReadOnlyList<TokenSpec> Tokens, IReadOnlyList<PriceFeedSpec> PriceFeeds);
