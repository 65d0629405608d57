namespace Mesh.Pools;

/// <summary>The caps on one shared risk factor: credit outstanding against it stays within both.</summary>
/// <param name="Absolute">The most credit, in base units.</param>
/// <param name="Relative">The most credit as a share of the pool's assets, in [0, 1], at most 18 decimals.</param>
[GenerateSerializer]
[Alias("mesh.pool.risk-factor-limit")]
public sealed record RiskFactorLimit(
    [property: Id(0)] UInt128 Absolute,
    [property: Id(1)] decimal Relative);
