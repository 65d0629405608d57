namespace Mesh.Runtime;

/// <summary>Describes one reminder tick.</summary>
/// <param name="FirstTickTime">When the reminder first fired or was due.</param>
/// <param name="Period">The reminder period.</param>
/// <param name="CurrentTickTime">The due time of this tick.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
