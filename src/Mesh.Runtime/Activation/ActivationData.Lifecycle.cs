using Mesh.Runtime.Timers;

namespace Mesh.Runtime.Activation;

/// <summary>Activation, deactivation and timers.</summary>
internal sealed partial class ActivationData
{
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GrainTimer> _timers = [];
    private DeactivationReason _deactivationReason;
    private DeactivationReason? _deactivateWhenActivated;
    private CallChain? _systemTurnChain;

    /// <summary>Gets a task that completes when the activation has deactivated and left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Starts activating: constructs the grain, reads its state, calls OnActivateAsync, then admits queued calls.</summary>
    public void ScheduleActivation() => Post(static s => _ = ((ActivationData)s!).ActivateAsync(), this);

    /// <summary>Deactivates once running turns finish. Calls that arrive meanwhile go to the next activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        var start = false;
        lock (_lock)
        {
            if (_state == ActivationState.Activating)
            {
                _deactivateWhenActivated ??= reason;
                return;
            }

            if (_state != ActivationState.Valid)
            {
                return;
            }

            _state = ActivationState.Deactivating;
            _deactivationReason = reason;
            if (_running.Count == 0 && !_systemTurn)
            {
                _systemTurn = true;
                start = true;
            }
        }

        if (start)
        {
            Post(static s => ((ActivationData)s!).StartDeactivation(), this);
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Activation {GrainId} is deactivating; it cannot register timers.");
            }

            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private async Task ActivateAsync()
    {
        CallChain.Current = _systemTurnChain = new CallChain(GrainId, "OnActivateAsync", CallChain.NextTurnId(), null);
        var started = Runtime.TimeProvider.GetTimestamp();
        try
        {
            var context = new GrainActivationContext(this);
            var grain = Class.Factory(context);
            grain.Bind(this);
            _instance = grain;
            using var cancellation = new CancellationTokenSource(Runtime.Options.ActivationTimeout, Runtime.TimeProvider);
            foreach (var state in context.States)
            {
                await state.LoadAsync(cancellation.Token);
            }

            await grain.OnActivateAsync(cancellation.Token);
            var deactivateNow = false;
            lock (_lock)
            {
                if (_deactivateWhenActivated is { } reason)
                {
                    _state = ActivationState.Deactivating;
                    _deactivationReason = reason;
                    deactivateNow = true;
                }
                else
                {
                    _state = ActivationState.Valid;
                    _systemTurn = false;
                    _systemTurnChain = null;
                    AdmitPendingLocked();
                }
            }

            Runtime.Instrumentation.ActivationCreated(Runtime.TimeProvider.GetElapsedTime(started));
            if (deactivateNow)
            {
                StartDeactivation();
            }
        }
        catch (Exception exception)
        {
            Runtime.Log.ActivationFailed(exception, GrainId);
            List<Message> failed;
            GrainTimer[] timers;
            lock (_lock)
            {
                timers = [.. _timers];
                _timers.Clear();
                _state = ActivationState.Invalid;
                _systemTurn = false;
                _systemTurnChain = null;
                failed = [.. _pending];
                _pending.Clear();
            }

            foreach (var timer in timers)
            {
                timer.Dispose();
            }

            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
            foreach (var message in failed)
            {
                message.Fail(exception);
            }
        }
    }

    private void StartDeactivation() => _ = DeactivateAsync();

    private async Task DeactivateAsync()
    {
        CallChain.Current = _systemTurnChain = new CallChain(GrainId, "OnDeactivateAsync", CallChain.NextTurnId(), null);
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        try
        {
            using var cancellation = new CancellationTokenSource(Runtime.Options.DeactivationTimeout, Runtime.TimeProvider);
            await Instance.OnDeactivateAsync(_deactivationReason, cancellation.Token);
        }
        catch (Exception exception)
        {
            Runtime.Log.DeactivationFailed(exception, GrainId, _deactivationReason);
        }

        List<Message> forward;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            _systemTurn = false;
            _systemTurnChain = null;
            forward = [.. _pending];
            _pending.Clear();
        }

        Runtime.Catalog.Remove(this);
        _deactivated.TrySetResult();
        foreach (var message in forward)
        {
            Forward(message);
        }
    }
}
