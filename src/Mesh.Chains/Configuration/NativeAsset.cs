namespace Mesh.Chains.Configuration;

/// <summary>A chain's native (gas) asset.</summary>
/// <param name="Symbol">The asset symbol, e.g. <c>ETH</c>.</param>
/// <param name="Decimals">How many decimals one whole unit has in base units (0 to 36), e.g. <c>18</c>.</param>
public sealed record NativeAsset(string Symbol, int Decimals);
