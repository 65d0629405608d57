namespace Mesh.TestGrains;

/// <summary>
/// A durable reminder that ticks every few seconds and records, persisted, when and on which silo each tick arrived:
/// what fault tests need to see a reminder move from a dead silo to a survivor.
/// </summary>
[Alias("test.fault-tick")]
public interface IFaultTickGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) the reminder; the first tick is one period from now.</summary>
    /// <param name="period">The period; may be shorter than Orleans' one-minute floor (see the grain).</param>
    /// <returns>A task.</returns>
    [Alias("test.fault-tick.start")]
    Task Start(TimeSpan period);

    /// <summary>Unregisters the reminder.</summary>
    /// <returns>A task.</returns>
    [Alias("test.fault-tick.stop")]
    Task Stop();

    /// <summary>The ticks received so far, oldest first.</summary>
    /// <returns>The ticks.</returns>
    [Alias("test.fault-tick.ticks")]
    Task<List<FaultTick>> Ticks();

    /// <summary>The silo hosting this activation.</summary>
    /// <returns>Its parsable address.</returns>
    [Alias("test.fault-tick.silo")]
    Task<string> Silo();
}
