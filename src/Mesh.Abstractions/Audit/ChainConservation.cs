namespace Mesh.Audit;

/// <summary>One asset on one chain: the chain's side against the mesh's books.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="OnChain">What the mesh's vault contract holds of the token, read from the chain.</param>
/// <param name="PoolFree">The pool's free liquidity on the chain.</param>
/// <param name="VaultBalances">The vaults' balances on the chain.</param>
/// <param name="InTransit">Amounts between two books: recorded by one side and not yet by the other.</param>
/// <param name="Difference">OnChain − (PoolFree + VaultBalances + InTransit), signed, in base units: zero when balanced.</param>
/// <param name="Balanced">Whether the difference is zero.</param>
[GenerateSerializer]
[Alias("mesh.audit.chain")]
public sealed record ChainConservation(
    [property: Id(0)] string Chain,
    [property: Id(1)] UInt128 OnChain,
    [property: Id(2)] UInt128 PoolFree,
    [property: Id(3)] UInt128 VaultBalances,
    [property: Id(4)] UInt128 InTransit,
    [property: Id(5)] string Difference,
    [property: Id(6)] bool Balanced);
