namespace Mesh.Rebalancing;

/// <summary>The global budget as of now.</summary>
/// <param name="Cap">The global cap (<c>Hole</c>), in micro-USD; <see cref="UInt128.MaxValue"/> when there is none.</param>
/// <param name="Claimed">The sum of the markets' claims (<c>Dirt</c>), in micro-USD.</param>
/// <param name="Claims">Each market's claim, in micro-USD (markets with a zero claim left out).</param>
[GenerateSerializer]
[Alias("mesh.rebalance.budget-view")]
public sealed record BudgetView(
    [property: Id(0)] UInt128 Cap,
    [property: Id(1)] UInt128 Claimed,
    [property: Id(2)] IReadOnlyDictionary<string, UInt128> Claims);
