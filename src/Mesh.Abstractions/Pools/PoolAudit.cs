namespace Mesh.Pools;

/// <summary>A pool's flows and balances as of its last change, and whether its identity holds.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Deposited">Liquidity lenders supplied, over all chains.</param>
/// <param name="Withdrawn">Liquidity lenders redeemed.</param>
/// <param name="InterestCharged">Interest charged to borrowers.</param>
/// <param name="ReservePaid">Reserve paid out.</param>
/// <param name="Free">Liquidity not lent out.</param>
/// <param name="FreeByChain">Liquidity not lent out per chain.</param>
/// <param name="CreditOutstanding">What vaults owe, interest included.</param>
/// <param name="AsOf">The pool's last accrual.</param>
/// <param name="Balanced">Whether deposits − withdrawals + interest charged − reserve paid = free + credit outstanding, to the base unit, and every other ledger invariant holds.</param>
/// <param name="Problem">The broken invariant, when not balanced.</param>
[GenerateSerializer]
[Alias("mesh.pool.audit")]
public sealed record PoolAudit(
    [property: Id(0)] string Asset,
    [property: Id(1)] UInt128 Deposited,
    [property: Id(2)] UInt128 Withdrawn,
    [property: Id(3)] UInt128 InterestCharged,
    [property: Id(4)] UInt128 ReservePaid,
    [property: Id(5)] UInt128 Free,
    [property: Id(6)] IReadOnlyDictionary<string, UInt128> FreeByChain,
    [property: Id(7)] UInt128 CreditOutstanding,
    [property: Id(8)] DateTimeOffset AsOf,
    [property: Id(9)] bool Balanced,
    [property: Id(10)] string? Problem);
