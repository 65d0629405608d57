namespace Mesh.Pools;

/// <summary>A pool's answer to a supply or a redemption.</summary>
/// <param name="OperationId">The operation it answers.</param>
/// <param name="Assets">Assets supplied, or paid out, in base units.</param>
/// <param name="Shares">Shares minted, or burned.</param>
[GenerateSerializer]
[Alias("mesh.pool.liquidity-receipt")]
public sealed record LiquidityReceipt(
    [property: Id(0)] string OperationId,
    [property: Id(1)] UInt128 Assets,
    [property: Id(2)] UInt128 Shares);
