using Mesh.Runtime.Activation;

namespace Mesh.Runtime.Timers;

/// <summary>
/// A timer owned by one activation. Each tick is delivered as an exclusive turn; a tick that comes due while the
/// previous one is still queued or running is skipped rather than piling up.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private ITimer? _timer;
    private int _tickInFlight;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        _activation = activation;
        _callback = callback;
        _dueTime = dueTime;
        _period = period;
    }

    public void Start() =>
        _timer = _activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnTimer(), this, _dueTime, _period);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        _dueTime = dueTime;
        _period = period;
        _timer?.Change(dueTime, period);
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer?.Dispose();
        _activation.RemoveTimer(this);
    }

    internal Task InvokeCallback() =>
        _disposed.IsCancellationRequested ? Task.CompletedTask : _callback(_disposed.Token);

    internal void OnTickCompleted(Task tick)
    {
        Volatile.Write(ref _tickInFlight, 0);
        if (tick.IsFaulted)
        {
            _activation.Runtime.Log.TimerTickFailed(tick.Exception!.InnerException!, _activation.GrainId);
        }
    }

    private void OnTimer()
    {
        // A silo that lost the grain's partition runs no more of its turns, even before the activation is collected.
        if (_disposed.IsCancellationRequested || _activation.IsStale || !_activation.Runtime.Locator.IsLocal(_activation.Fence.Partition)
            || Interlocked.Exchange(ref _tickInFlight, 1) == 1)
        {
            return;
        }

        _activation.Enqueue(new TimerTickMessage(this));
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or positive (or infinite).");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive (or infinite for a one-shot timer).");
        }
    }
}
