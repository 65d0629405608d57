namespace Mesh.Vaults;

/// <summary>A request to move value into, out of or within a vault.</summary>
/// <param name="OperationId">The caller's id for the operation: a retry with the same id never moves value twice.</param>
/// <param name="Asset">The asset (a token symbol of the vault's chain).</param>
/// <param name="Amount">Amount in the token's base units (&gt; 0).</param>
[GenerateSerializer]
[Alias("mesh.vault.movement")]
public sealed record VaultMovement(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string Asset,
    [property: Id(2)] UInt128 Amount);
