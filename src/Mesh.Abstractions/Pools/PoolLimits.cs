namespace Mesh.Pools;

/// <summary>
/// A pool's credit limits, set by operators: the utilization cap, caps per protocol, and Morpho-style caps per shared
/// risk factor (an absolute amount and a share of the pool's assets; factors are <c>chain:NAME</c> and
/// <c>underlying:ASSET</c>). Tightening them recalls what they no longer allow.
/// </summary>
/// <param name="UtilizationCap">The most the pool may lend as a share of its assets, in (0, 1], at most 18 decimals.</param>
/// <param name="DefaultProtocolCap">The credit cap, in base units, of a protocol without its own; null for none.</param>
/// <param name="ProtocolCaps">Credit caps per protocol id, in base units.</param>
/// <param name="DefaultRiskFactorCap">The caps of a factor without its own; null refuses credit against unconfigured factors.</param>
/// <param name="RiskFactorCaps">Caps per risk factor.</param>
[GenerateSerializer]
[Alias("mesh.pool.limits")]
public sealed record PoolLimits(
    [property: Id(0)] decimal UtilizationCap,
    [property: Id(1)] UInt128? DefaultProtocolCap,
    [property: Id(2)] IReadOnlyDictionary<string, UInt128> ProtocolCaps,
    [property: Id(3)] RiskFactorLimit? DefaultRiskFactorCap,
    [property: Id(4)] IReadOnlyDictionary<string, RiskFactorLimit> RiskFactorCaps);
