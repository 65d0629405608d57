namespace Mesh.Chains.Evm.Deployment;

/// <summary>A test token to deploy.</summary>
/// <param name="Symbol">The symbol, as <c>chains.json</c> names it, e.g. <c>USDC</c>.</param>
/// <param name="Name">The token name.</param>
/// <param name="Decimals">The decimals (0 to 36).</param>
public sealed record TokenSpec(string Symbol, string Name, int Decimals);
