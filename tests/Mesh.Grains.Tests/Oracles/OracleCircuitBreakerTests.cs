using Mesh.Grains.Oracles;
using Microsoft.Extensions.Time.Testing;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>The breaker (10% in 5 minutes, 15 minutes cooldown) through the aggregator, on a fake clock.</summary>
public sealed class OracleCircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly OracleAggregator _sut = new(Options(3), new OracleState());

    [Fact]
    public void Aggregate_FallOverThresholdInWindow_TripsRaisesHaircutsAndPausesCredit()
    {
        Step(TimeSpan.Zero, 100m);

        var snapshot = Step(TimeSpan.FromMinutes(1), 89.9m);

        Assert.True(snapshot.Breaker.IsOpen);
        Assert.Equal(Start.AddMinutes(1), snapshot.Breaker.OpenedAt);
        Assert.Equal(Start.AddMinutes(16), snapshot.Breaker.ClosesAt);
        Assert.Contains("fell", snapshot.Breaker.Reason, StringComparison.Ordinal);
        Assert.Equal(1.5, snapshot.HaircutMultiplier);
        Assert.True(snapshot.IsFresh);
        Assert.False(snapshot.AllowsNewCredit);
        Assert.Equal(Price(89.9m), snapshot.Price);
    }

    [Fact]
    public void Aggregate_RiseOverThreshold_Trips()
    {
        Step(TimeSpan.Zero, 100m);

        var snapshot = Step(TimeSpan.FromMinutes(4), 110.5m);

        Assert.True(snapshot.Breaker.IsOpen);
        Assert.Contains("rose", snapshot.Breaker.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_MoveUnderThreshold_StaysClosed()
    {
        Step(TimeSpan.Zero, 100m);

        var snapshot = Step(TimeSpan.FromMinutes(1), 90.5m);

        Assert.False(snapshot.Breaker.IsOpen);
        Assert.Equal(1.0, snapshot.HaircutMultiplier);
        Assert.True(snapshot.AllowsNewCredit);
    }

    [Fact]
    public void Aggregate_SameMoveSpreadBeyondTheWindow_StaysClosed()
    {
        // 1.5% a minute for 10 minutes: 15% in all, about 7% inside any 5 minutes.
        OracleSnapshot snapshot = Step(TimeSpan.Zero, 100m);
        for (var i = 1; i <= 10; i++)
        {
            snapshot = Step(TimeSpan.FromMinutes(1), 100m * (decimal)Math.Pow(0.985, i));
            Assert.False(snapshot.Breaker.IsOpen);
        }

        Assert.True(snapshot.Price!.Value.ToDouble() < 86.0);
    }

    [Fact]
    public void Aggregate_AfterTrip_HoldsForTheCooldownThenCloses()
    {
        Step(TimeSpan.Zero, 100m);
        Step(TimeSpan.FromMinutes(1), 85m);

        // The pre-move range has left the window: no more trips, but the cooldown holds.
        var held = Step(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59), 85m);
        var closed = Step(TimeSpan.FromSeconds(1), 85m);

        Assert.True(held.Breaker.IsOpen);
        Assert.False(held.AllowsNewCredit);
        Assert.False(closed.Breaker.IsOpen);
        Assert.True(closed.AllowsNewCredit);
        Assert.Equal(1.0, closed.HaircutMultiplier);
    }

    [Fact]
    public void Aggregate_SecondTripWhileOpen_ExtendsTheCooldownKeepsOpenedAt()
    {
        Step(TimeSpan.Zero, 100m);
        Step(TimeSpan.FromMinutes(1), 88m);

        var again = Step(TimeSpan.FromMinutes(2), 77m);
        var stillOpen = Step(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59), 77m);
        var closed = Step(TimeSpan.FromSeconds(1), 77m);

        Assert.Equal(Start.AddMinutes(1), again.Breaker.OpenedAt);
        Assert.Equal(Start.AddMinutes(18), again.Breaker.ClosesAt);
        Assert.True(stillOpen.Breaker.IsOpen);
        Assert.False(closed.Breaker.IsOpen);
        Assert.Equal(1, _sut.State.Breaker.Openings);
    }

    [Fact]
    public void Aggregate_ManyUpdates_WindowStateStaysBounded()
    {
        for (var i = 0; i < 2_000; i++)
        {
            Step(TimeSpan.FromSeconds(1), 100m + (i % 7 * 0.01m));
        }

        Assert.InRange(_sut.State.Breaker.Window.Count, 1, 31);
    }

    private OracleSnapshot Step(TimeSpan advance, decimal price)
    {
        _clock.Advance(advance);
        return Feed(_sut, _clock.GetUtcNow(), price, price, price);
    }
}
