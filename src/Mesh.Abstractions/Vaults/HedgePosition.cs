namespace Mesh.Vaults;

/// <summary>A perp position the mesh holds for a vault to keep its delta in the band (counted in its health as a perp exposure).</summary>
/// <param name="Underlying">The perp's underlying.</param>
/// <param name="Side">Short or long.</param>
/// <param name="Quantity">The size, in base units of the underlying.</param>
/// <param name="EntryPrice">The size-weighted average fill price.</param>
/// <param name="Trades">The trades that made it.</param>
/// <param name="ImpactPaidUsd">What those trades paid against the mark, in USD.</param>
[GenerateSerializer]
[Alias("mesh.vault.hedge-position")]
public sealed record HedgePosition(
    [property: Id(0)] string Underlying,
    [property: Id(1)] PositionSide Side,
    [property: Id(2)] UInt128 Quantity,
    [property: Id(3)] decimal EntryPrice,
    [property: Id(4)] int Trades,
    [property: Id(5)] double ImpactPaidUsd);
