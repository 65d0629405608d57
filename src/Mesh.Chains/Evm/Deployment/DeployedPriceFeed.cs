namespace Mesh.Chains.Evm.Deployment;

/// <summary>A deployed price feed.</summary>
/// <param name="Description">What it prices.</param>
/// <param name="Address">Its address, lower case.</param>
/// <param name="Decimals">The decimals of its answers.</param>
public sealed record DeployedPriceFeed(string Description, string Address, int Decimals);
