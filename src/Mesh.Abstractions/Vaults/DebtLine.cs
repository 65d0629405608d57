namespace Mesh.Vaults;

/// <summary>Credit a vault owes a pool in one asset.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">What is owed in base units, accrued interest included (as of the pool index the vault last saw).</param>
/// <param name="Value">Amount × price in USD.</param>
[GenerateSerializer]
[Alias("mesh.vault.debt-line")]
public sealed record DebtLine(
    [property: Id(0)] string Asset,
    [property: Id(1)] UInt128 Amount,
    [property: Id(2)] double Value);
