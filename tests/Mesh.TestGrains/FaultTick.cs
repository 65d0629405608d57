namespace Mesh.TestGrains;

/// <summary>One reminder tick an <see cref="IFaultTickGrain"/> received.</summary>
/// <param name="At">When the grain received it (the receiving silo's clock).</param>
/// <param name="Silo">The silo hosting the activation that received it.</param>
/// <param name="Due">When the reminder service fired it (<see cref="Orleans.Runtime.TickStatus.CurrentTickTime"/>, that silo's clock): the period it belongs to, even when delivered late.</param>
[GenerateSerializer]
[Alias("test.fault-tick.tick")]
public sealed record FaultTick([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Silo, [property: Id(2)] DateTimeOffset Due);
