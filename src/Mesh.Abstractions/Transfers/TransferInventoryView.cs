namespace Mesh.Transfers;

/// <summary>One asset's bridge liquidity on one chain and the claims of transfers on it.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Asset">The token symbol.</param>
/// <param name="BridgeBalance">The bridge contract's token balance at the chain's head, base units.</param>
/// <param name="Claimed">The sum of every claim held, base units.</param>
/// <param name="Available">What a new reservation may take: the balance less the claims, never below zero.</param>
/// <param name="Claims">The claims by id.</param>
[GenerateSerializer]
[Alias("mesh.transfer.inventory_view")]
public sealed record TransferInventoryView(
    [property: Id(0)] string Chain,
    [property: Id(1)] string Asset,
    [property: Id(2)] UInt128 BridgeBalance,
    [property: Id(3)] UInt128 Claimed,
    [property: Id(4)] UInt128 Available,
    [property: Id(5)] IReadOnlyDictionary<string, UInt128> Claims);
