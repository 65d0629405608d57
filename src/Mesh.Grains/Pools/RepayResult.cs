namespace Mesh.Grains.Pools;

/// <summary>What a repayment did.</summary>
/// <param name="Paid">The base units received.</param>
/// <param name="RemainingDebt">The vault's debt after it, interest included.</param>
/// <param name="RecallDue">The part of the remaining debt still recalled.</param>
internal sealed record RepayResult(UInt128 Paid, UInt128 RemainingDebt, UInt128 RecallDue);
