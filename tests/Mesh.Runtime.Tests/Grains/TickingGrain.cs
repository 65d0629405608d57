using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

public interface ITickingGrain : IGrainWithStringKey, IRemindable
{
    Task StartTimer(TimeSpan period);

    Task StopTimer();

    Task StartReminder(string name, TimeSpan due, TimeSpan period);

    Task StopReminder(string name);

    [ReadOnly]
    Task<int> TimerTicks();
}

public sealed class TickingGrain(LifecycleLog log) : Grain, ITickingGrain
{
    private IGrainTimer? _timer;
    private int _timerTicks;
    private int _inTurn;

    public Task StartTimer(TimeSpan period)
    {
        _timer = RegisterGrainTimer(
            async _ =>
            {
                if (Interlocked.Exchange(ref _inTurn, 1) == 1)
                {
                    throw new InvalidOperationException("A timer tick overlapped another turn.");
                }

                await Task.Yield();
                _timerTicks++;
                Volatile.Write(ref _inTurn, 0);
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task StartReminder(string name, TimeSpan due, TimeSpan period) => RegisterOrUpdateReminder(name, due, period);

    public Task StopReminder(string name) => UnregisterReminder(name);

    public Task<int> TimerTicks() => Task.FromResult(_timerTicks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Record(GrainKey, $"{reminderName}@{status.CurrentTickTime:O}");
        return Task.CompletedTask;
    }
}
