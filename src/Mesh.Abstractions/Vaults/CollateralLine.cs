namespace Mesh.Vaults;

/// <summary>One asset's collateral in a vault, valued.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">Balance in base units (own deposits plus credit drawn into the vault).</param>
/// <param name="Decimals">The token's decimals on this chain.</param>
/// <param name="Price">The oracle's aggregate price in USD used for the valuation.</param>
/// <param name="Value">Amount × price in USD.</param>
/// <param name="Haircut">The dynamic haircut applied, in [0, 1].</param>
/// <param name="ValueAfterHaircut">Value × (1 − haircut).</param>
[GenerateSerializer]
[Alias("mesh.vault.collateral-line")]
public sealed record CollateralLine(
    [property: Id(0)] string Asset,
    [property: Id(1)] UInt128 Amount,
    [property: Id(2)] int Decimals,
    [property: Id(3)] double Price,
    [property: Id(4)] double Value,
    [property: Id(5)] double Haircut,
    [property: Id(6)] double ValueAfterHaircut);
