namespace Mesh.Pools;

/// <summary>What a pool answered to one operation id.</summary>
/// <param name="OperationId">The operation.</param>
/// <param name="Kind">allocate, repay, supply or redeem.</param>
/// <param name="Party">The vault (credit) or the lender (liquidity).</param>
/// <param name="Amount">The amount asked for (assets; shares for a redemption).</param>
/// <param name="Moved">The assets that moved: granted, repaid, supplied or paid out; zero when refused.</param>
/// <param name="Refused">Whether the pool refused it (nothing moved).</param>
/// <param name="Acknowledged">Whether its caller has acknowledged the answer (<see cref="ICollateralPoolGrain.Forget"/>): the pool forgets it once the retention has passed.</param>
[GenerateSerializer]
[Alias("mesh.pool.operation-record")]
public sealed record PoolOperationRecord(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Party,
    [property: Id(3)] UInt128 Amount,
    [property: Id(4)] UInt128 Moved,
    [property: Id(5)] bool Refused,
    [property: Id(6)] bool Acknowledged = false);
