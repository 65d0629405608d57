namespace Mesh.Rebalancing;

/// <summary>A market's claim on the global budget after a <see cref="IRebalanceBudgetGrain.Claim"/>.</summary>
/// <param name="Market">The market.</param>
/// <param name="Wanted">What the market asked for, in micro-USD.</param>
/// <param name="Claimed">What it holds now, in micro-USD: <paramref name="Wanted"/> when it fit, less when it did not.</param>
/// <param name="Cap">The global cap (<c>Hole</c>), in micro-USD; <see cref="UInt128.MaxValue"/> when there is none.</param>
/// <param name="ClaimedByOthers">What the other markets hold, in micro-USD.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.budget-claim")]
public sealed record BudgetClaim(
    [property: Id(0)] string Market,
    [property: Id(1)] UInt128 Wanted,
    [property: Id(2)] UInt128 Claimed,
    [property: Id(3)] UInt128 Cap,
    [property: Id(4)] UInt128 ClaimedByOthers);
