namespace Mesh.Grains.Pools;

/// <summary>The pool's numbers at a moment, interest accrued to it.</summary>
/// <param name="FreeLiquidity">Free liquidity over every chain.</param>
/// <param name="CreditOutstanding">Debt of every vault, interest included.</param>
/// <param name="LenderAssets">What the share holders own: free + credit − reserve.</param>
/// <param name="Reserve">The protocol reserve held.</param>
/// <param name="TotalShares">The shares in issue.</param>
/// <param name="UtilizationRay">Credit / (free + credit), in RAY.</param>
/// <param name="BorrowRateRay">The annual borrow rate at that utilization, in RAY.</param>
/// <param name="LiquidityRateRay">The annual supply rate at that utilization, in RAY.</param>
/// <param name="BorrowIndexRay">The borrow index, in RAY.</param>
internal sealed record PoolView(
    UInt128 FreeLiquidity,
    UInt128 CreditOutstanding,
    UInt128 LenderAssets,
    UInt128 Reserve,
    UInt128 TotalShares,
    UInt128 UtilizationRay,
    UInt128 BorrowRateRay,
    UInt128 LiquidityRateRay,
    UInt128 BorrowIndexRay);
