namespace Mesh.Vaults;

/// <summary>Credit a vault owes a pool in one asset.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">What is owed in base units, accrued interest included (as of the pool index the vault last saw).</param>
/// <param name="Value">Amount × price in USD.</param>
/// <param name="RecallDue">What the pool has recalled of it (its limits no longer allow it): to repay first, and no new draw until it is.</param>
[GenerateSerializer]
[Alias("mesh.vault.debt-line")]
public sealed record DebtLine(
    [property: Id(0)] string Asset,
    [property: Id(1)] UInt128 Amount,
    [property: Id(2)] double Value,
    [property: Id(3)] UInt128 RecallDue = default);
