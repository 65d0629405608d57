namespace Mesh.Chains.Configuration;

/// <summary>An ERC-20 collateral token on one chain.</summary>
/// <param name="Symbol">The token symbol, unique per chain, e.g. <c>USDC</c>.</param>
/// <param name="Address">The token contract address: <c>0x</c> and 40 lower-case hex digits.</param>
/// <param name="Decimals">How many decimals one whole token has in base units (0 to 36), e.g. <c>6</c>.</param>
public sealed record TokenDefinition(string Symbol, string Address, int Decimals)
{
    /// <summary>
    /// The ending no token symbol may have (compared ignoring case): the mesh names an asset's perp market by it (the
    /// rebalancing coordinator of <c>WETH-PERP</c> sizes WETH's hedges), so a token called so would share that key.
    /// </summary>
    public const string ReservedPerpSuffix = "-PERP";
}
