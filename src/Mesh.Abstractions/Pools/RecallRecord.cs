namespace Mesh.Pools;

/// <summary>A recall the pool made: credit a vault must repay first because the limits no longer allow it.</summary>
/// <param name="At">When.</param>
/// <param name="Vault">The vault.</param>
/// <param name="Due">What the vault owes back now, in base units.</param>
/// <param name="Reason">Why: the operator's limit change, or the market risk of a factor rising.</param>
[GenerateSerializer]
[Alias("mesh.pool.recall")]
public sealed record RecallRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Vault,
    [property: Id(2)] UInt128 Due,
    [property: Id(3)] string Reason);
