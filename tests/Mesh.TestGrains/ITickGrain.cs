namespace Mesh.TestGrains;

/// <summary>Registers a durable reminder and records every tick it receives in its persisted state.</summary>
[Alias("test.tick")]
public interface ITickGrain : IGrainWithStringKey
{
    [Alias("test.tick.start")]
    Task Start(TimeSpan period);

    [Alias("test.tick.stop")]
    Task Stop();

    /// <summary>The times (silo clock) of the ticks received so far.</summary>
    [Alias("test.tick.ticks")]
    Task<List<DateTimeOffset>> Ticks();
}
