namespace Mesh.Silo.Simulation;

/// <summary>
/// The simulation's clock: the mesh's grains, the simulated chains and the market read the time it is set to, which
/// the engine moves forward step by step (30 minutes of a crash run in seconds). Timers and stopwatches stay on the
/// machine's clock, so that Orleans' own timers, the vaults' chain polling and response timeouts run as usual.
/// </summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <inheritdoc />
    public override long GetTimestamp() => System.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => System.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock to <paramref name="at"/>; it never goes back.</summary>
    /// <param name="at">The moment.</param>
    public void MoveTo(DateTimeOffset at)
    {
        var now = Interlocked.Read(ref _ticks);
        if (at.UtcTicks < now)
        {
            throw new InvalidOperationException($"The simulation clock is at {GetUtcNow():O}; it cannot go back to {at:O}.");
        }

        Interlocked.Exchange(ref _ticks, at.UtcTicks);
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    /// <param name="by">The step; not negative.</param>
    public void Advance(TimeSpan by) => MoveTo(GetUtcNow() + by);
}
