using Mesh.Pools;

namespace Mesh.Audit;

/// <summary>One asset's conservation.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Balanced">Whether every chain and the pool balance.</param>
/// <param name="Chains">Per chain that carries the asset.</param>
/// <param name="Pool">The asset's pool.</param>
/// <param name="VaultDebt">What the vaults' books say they owe the pool (as of the pool's last answer to each; the pool's credit outstanding includes interest since).</param>
[GenerateSerializer]
[Alias("mesh.audit.asset")]
public sealed record AssetConservation(
    [property: Id(0)] string Asset,
    [property: Id(1)] bool Balanced,
    [property: Id(2)] IReadOnlyList<ChainConservation> Chains,
    [property: Id(3)] PoolAudit Pool,
    [property: Id(4)] UInt128 VaultDebt);
