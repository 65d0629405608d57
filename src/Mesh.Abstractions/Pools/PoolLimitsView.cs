namespace Mesh.Pools;

/// <summary>A pool's limits, the stress that tightens them now, and its recalls.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Limits">The limits as configured.</param>
/// <param name="Stress">Per risk factor under market stress, the share of its configured caps that applies now (e.g. 0.5).</param>
/// <param name="RecallDue">Per vault, the recalled credit it still owes back.</param>
/// <param name="Recalls">The recalls made, newest first (the last 100).</param>
[GenerateSerializer]
[Alias("mesh.pool.limits-view")]
public sealed record PoolLimitsView(
    [property: Id(0)] string Asset,
    [property: Id(1)] PoolLimits Limits,
    [property: Id(2)] IReadOnlyDictionary<string, decimal> Stress,
    [property: Id(3)] IReadOnlyDictionary<string, UInt128> RecallDue,
    [property: Id(4)] IReadOnlyList<RecallRecord> Recalls);
