namespace Mesh.Benchmarks;

/// <summary>The coordinators' clock in the rebalancing benchmark: the system's, plus a jump the setup adds to expire everything.</summary>
internal sealed class BenchClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
