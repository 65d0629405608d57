namespace Mesh.Pools;

/// <summary>A pool's answer to a credit allocation or repayment.</summary>
/// <param name="OperationId">The operation it answers.</param>
/// <param name="Vault">The vault.</param>
/// <param name="Amount">What was allocated, or repaid.</param>
/// <param name="Debt">What the vault owes the pool afterwards, accrued interest included.</param>
/// <param name="RecallDue">What the pool has recalled from the vault and is still due (repay it first).</param>
[GenerateSerializer]
[Alias("mesh.pool.credit-receipt")]
public sealed record CreditReceipt(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string Vault,
    [property: Id(2)] UInt128 Amount,
    [property: Id(3)] UInt128 Debt,
    [property: Id(4)] UInt128 RecallDue);
