namespace Mesh.Pools;

/// <summary>A pool's state.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="FreeLiquidity">Liquidity not lent out, in base units, over all chains.</param>
/// <param name="FreeByChain">Liquidity not lent out per chain.</param>
/// <param name="CreditOutstanding">What vaults owe, accrued interest included.</param>
/// <param name="LenderAssets">What lenders' shares are worth together.</param>
/// <param name="Reserve">The protocol reserve's share of interest.</param>
/// <param name="TotalShares">Shares outstanding.</param>
/// <param name="Utilization">Credit ÷ (credit + free), in [0, 1].</param>
/// <param name="BorrowRate">Annual borrow rate now.</param>
/// <param name="SupplyRate">Annual rate lenders earn now.</param>
/// <param name="Vaults">How many vaults owe it.</param>
[GenerateSerializer]
[Alias("mesh.pool.summary")]
public sealed record PoolSummary(
    [property: Id(0)] string Asset,
    [property: Id(1)] UInt128 FreeLiquidity,
    [property: Id(2)] IReadOnlyDictionary<string, UInt128> FreeByChain,
    [property: Id(3)] UInt128 CreditOutstanding,
    [property: Id(4)] UInt128 LenderAssets,
    [property: Id(5)] UInt128 Reserve,
    [property: Id(6)] UInt128 TotalShares,
    [property: Id(7)] double Utilization,
    [property: Id(8)] double BorrowRate,
    [property: Id(9)] double SupplyRate,
    [property: Id(10)] int Vaults);
