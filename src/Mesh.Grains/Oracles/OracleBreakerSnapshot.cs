namespace Mesh.Grains.Oracles;

/// <summary>
/// The circuit breaker as a consumer sees it. While open, haircuts are multiplied by <see cref="HaircutMultiplier"/>
/// and new credit is paused; risk-reducing actions (repaying, depositing, closing exposure, liquidating) are never
/// blocked by it.
/// </summary>
/// <param name="IsOpen">Whether the breaker is open.</param>
/// <param name="OpenedAt">When it opened, if open.</param>
/// <param name="ClosesAt">The earliest time it can close (a cooldown after its latest trip), if open.</param>
/// <param name="Reason">Why it tripped last, if it ever did.</param>
/// <param name="HaircutMultiplier">The factor on haircuts: the configured multiplier while open, 1 when closed.</param>
internal sealed record OracleBreakerSnapshot(bool IsOpen, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt, string? Reason, double HaircutMultiplier);
