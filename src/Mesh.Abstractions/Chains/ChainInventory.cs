namespace Mesh.Chains;

/// <summary>The mesh's inventory on one chain: what the vault contract holds of each collateral token.</summary>
/// <param name="Chain">The chain name.</param>
/// <param name="VaultContract">The vault contract address the balances are of.</param>
/// <param name="Block">The head block number the balances were read at, as far as the grain knows it.</param>
/// <param name="ReadAt">When the balances were read.</param>
/// <param name="Lines">One line per collateral token, in <c>chains.json</c> order.</param>
[GenerateSerializer]
[Alias("mesh.chain.inventory")]
public sealed record ChainInventory(
    [property: Id(0)] string Chain,
    [property: Id(1)] string VaultContract,
    [property: Id(2)] ulong? Block,
    [property: Id(3)] DateTimeOffset ReadAt,
    [property: Id(4)] IReadOnlyList<InventoryLine> Lines);
