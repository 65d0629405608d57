namespace Mesh.Chains;

/// <summary>The mesh's holding of one collateral token on one chain: the vault contract's token balance.</summary>
/// <param name="Asset">The token symbol.</param>
/// <param name="TokenAddress">The token contract address.</param>
/// <param name="Decimals">The token's decimals.</param>
/// <param name="Amount">The vault contract's balance in base units.</param>
[GenerateSerializer]
[Alias("mesh.chain.inventory_line")]
public sealed record InventoryLine(
    [property: Id(0)] string Asset,
    [property: Id(1)] string TokenAddress,
    [property: Id(2)] int Decimals,
    [property: Id(3)] UInt128 Amount);
