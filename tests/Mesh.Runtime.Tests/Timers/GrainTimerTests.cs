using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Timers;

public sealed class GrainTimerTests
{
    [Fact]
    public async Task RegisterGrainTimer_ClockAdvances_TicksRunAsTurns()
    {
        var time = new FakeTimeProvider();
        await using var silo = await RuntimeFixture.StartSqliteAsync(time: time);
        var sut = silo.GrainFactory.GetGrain<ITickingGrain>("timer");
        await sut.StartTimer(TimeSpan.FromSeconds(1));

        for (var i = 1; i <= 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var expected = i;
            await Eventually.TrueAsync(async () => await sut.TimerTicks() == expected, $"tick {i} ran");
        }

        await sut.StopTimer();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(5, await sut.TimerTicks());
    }

    [Fact]
    public async Task RegisterGrainTimer_GrainDeactivated_TimerStops()
    {
        var time = new FakeTimeProvider();
        await using var silo = await RuntimeFixture.StartSqliteAsync(time: time, options: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(2);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        var sut = silo.GrainFactory.GetGrain<ITickingGrain>("short-lived");
        await sut.StartTimer(TimeSpan.FromHours(1));

        time.Advance(TimeSpan.FromMinutes(3));
        await Eventually.TrueAsync(() => silo.Status.ActivationCount == 0, "the idle grain (timer ticks do not count as calls) was collected");
        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await sut.TimerTicks());
    }
}
