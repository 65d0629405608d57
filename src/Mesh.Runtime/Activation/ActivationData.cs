using System.Runtime.CompilerServices;
using System.Diagnostics;
using Mesh.Runtime.Diagnostics;
using Mesh.Runtime.Invocation;
using Mesh.Runtime.Persistence;
using Mesh.Runtime.Registry;

namespace Mesh.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its mailbox, and the turn discipline. Turns are admitted one at a time
/// (FIFO) unless the grain is reentrant or the method interleaves; grain code always runs on one thread at a time,
/// through this activation's <see cref="SynchronizationContext"/>.
/// </summary>
internal sealed partial class ActivationData
{
    private readonly object _lock = new();
    private readonly Queue<Message> _pending = new();
    private readonly List<CallChain> _running = new(1);
    private int _runningReadOnly;
    private bool _systemTurn = true;
    private ActivationState _state = ActivationState.Activating;
    private long _lastActivity;
    private Grain? _instance;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, GrainRuntime runtime, WriteFence fence)
    {
        GrainId = grainId;
        Class = grainClass;
        Runtime = runtime;
        Fence = fence;
        _lastActivity = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainClassInfo Class { get; }

    public GrainRuntime Runtime { get; }

    /// <summary>Gets the fencing token every state write of this activation carries.</summary>
    public WriteFence Fence { get; }

    public Grain Instance => _instance ?? throw new InvalidOperationException($"Activation {GrainId} has no instance.");

    /// <summary>Gets a value indicating whether this activation belongs to a lease this silo no longer holds (its writes would be fenced).</summary>
    public bool IsStale => Fence.IsFenced && Fence.Epoch != Runtime.Locator.CurrentEpoch(Fence.Partition);

    public bool IsInvalid => (ActivationState)Volatile.Read(ref Unsafe.As<ActivationState, int>(ref _state)) == ActivationState.Invalid;

    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Delivers a call. Runs it inline on the caller's thread when the activation is idle; queues it otherwise.</summary>
    public ValueTask<TResult> Invoke<TResult>(GrainRequest<TResult> request, CallChain? caller, TimeSpan timeout, ActivityContext parent = default)
    {
        var method = request.Method;
        CallChain? turn = null;
        lock (_lock)
        {
            if (CanStartNowLocked(method.Flags) && TryTakeExecutorLocked())
            {
                _lastActivity = Runtime.TimeProvider.GetTimestamp();
                turn = BeginTurnLocked(method.Flags, method.DisplayName, caller);
            }
        }

        if (turn is not null)
        {
            return RunInline(request, turn, caller, timeout, parent);
        }

        var message = new RequestMessage<TResult>(request)
        {
            Caller = caller,
            Timeout = timeout,
            ParentTrace = parent != default ? parent : Activity.Current?.Context ?? default,
        };
        Enqueue(message);
        return Runtime.AwaitResult(message.Result, timeout, request, GrainId);
    }

    /// <summary>Delivers a message to run as a turn as soon as the turn rules allow (a queued call, timer tick or forwarded call).</summary>
    public void Enqueue(Message message)
    {
        bool forward;
        lock (_lock)
        {
            _lastActivity = Runtime.TimeProvider.GetTimestamp();
            message.EnqueuedTimestamp = _lastActivity;
            if (CanStartNowLocked(message.Flags))
            {
                var turn = BeginTurnLocked(message.Flags, message.DisplayName, message.Caller);
                EnqueueWorkLocked(new WorkItem(message, turn));
                return;
            }

            var deadlock = DetectDeadlockLocked(message);
            if (deadlock is not null)
            {
                message.Fail(deadlock);
                return;
            }

            forward = !TryQueueLocked(message);
        }

        if (forward)
        {
            Forward(message);
        }
    }

    /// <summary>Ends a turn: admits waiting messages or, if deactivation is pending and nothing runs, starts it.</summary>
    public void EndTurn(CallChain turn, Activity? span)
    {
        span?.Dispose();
        var startDeactivation = false;
        lock (_lock)
        {
            if (_running.Remove(turn) && (turn.Flags & GrainMethodFlags.ReadOnly) != 0)
            {
                _runningReadOnly--;
            }

            _lastActivity = Runtime.TimeProvider.GetTimestamp();
            if (_state == ActivationState.Valid)
            {
                AdmitPendingLocked();
            }
            else if (_state == ActivationState.Deactivating && _running.Count == 0 && !_systemTurn)
            {
                _systemTurn = true;
                startDeactivation = true;
            }
        }

        if (startDeactivation)
        {
            Post(static s => ((ActivationData)s!).StartDeactivation(), this);
        }
    }

    /// <summary>Returns true when the activation has been idle (no turn, nothing queued) for at least <paramref name="age"/>.</summary>
    public bool IsIdleFor(TimeSpan age)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid && _running.Count == 0 && _pending.Count == 0
                && Runtime.TimeProvider.GetElapsedTime(_lastActivity) >= age;
        }
    }

    private ValueTask<TResult> RunInline<TResult>(GrainRequest<TResult> request, CallChain turn, CallChain? caller, TimeSpan timeout, ActivityContext parent)
    {
        var previousContext = SynchronizationContext.Current;
        var previousActivity = Activity.Current;
        var span = RuntimeInstrumentation.StartServerSpan(GrainId, request.Method.DisplayName, parent);
        ValueTask<TResult> pending;
        SetSynchronizationContext(this);
        CallChain.Current = turn;
        try
        {
            pending = request.CancellationToken.IsCancellationRequested
                ? ValueTask.FromCanceled<TResult>(request.CancellationToken)
                : request.Invoke(Instance);
        }
        catch (Exception exception)
        {
            pending = ValueTask.FromException<TResult>(exception);
        }
        finally
        {
            CallChain.Current = caller;
            Activity.Current = previousActivity;
            SetSynchronizationContext(previousContext);
        }

        if (pending.IsCompleted)
        {
            EndTurn(turn, span);
            ReleaseExecutor();
            return pending.IsCompletedSuccessfully ? pending : Failed(pending);
        }

        var message = new RequestMessage<TResult>(request) { Caller = caller, Timeout = timeout };
        message.Attach(this, turn, span, pending);
        ReleaseExecutor();
        return Runtime.AwaitResult(message.Result, timeout, request, GrainId);
    }

    private static ValueTask<TResult> Failed<TResult>(ValueTask<TResult> pending)
    {
        var task = pending.AsTask();
        var exception = task.Exception?.InnerException;
        if (exception is null)
        {
            return new ValueTask<TResult>(task);
        }

        var sanitized = TurnFailures.Sanitize(exception);
        return ReferenceEquals(sanitized, exception) ? new ValueTask<TResult>(task) : ValueTask.FromException<TResult>(sanitized);
    }

    /// <summary>A message may start now if the activation is ready, nothing waits ahead of it (FIFO) unless it interleaves, and the turn rules allow it.</summary>
    private bool CanStartNowLocked(GrainMethodFlags flags) =>
        _state == ActivationState.Valid && !_systemTurn
        && (_pending.Count == 0 || (flags & GrainMethodFlags.AlwaysInterleave) != 0)
        && CanStartLocked(flags);

    private bool CanStartLocked(GrainMethodFlags flags)
    {
        if (_running.Count == 0 || Class.Reentrant || (flags & GrainMethodFlags.AlwaysInterleave) != 0)
        {
            return true;
        }

        return (flags & GrainMethodFlags.ReadOnly) != 0 && _runningReadOnly == _running.Count;
    }

    private CallChain BeginTurnLocked(GrainMethodFlags flags, string method, CallChain? caller)
    {
        var turn = new CallChain(GrainId, method, CallChain.NextTurnId(), caller, flags);
        _running.Add(turn);
        if ((flags & GrainMethodFlags.ReadOnly) != 0)
        {
            _runningReadOnly++;
        }

        return turn;
    }

    /// <summary>Queues a message that cannot start now; returns false if the activation is gone and the message must be forwarded.</summary>
    private bool TryQueueLocked(Message message)
    {
        if (_state == ActivationState.Invalid)
        {
            return false;
        }

        _pending.Enqueue(message);
        return true;
    }

    /// <summary>A message that must wait for a running turn of a non-reentrant grain that is itself in the message's call chain would wait forever.</summary>
    private DeadlockException? DetectDeadlockLocked(Message message)
    {
        if (Class.Reentrant || message.IsInterleavable || message.Caller is not { } caller)
        {
            return null;
        }

        var waitsOnCaller = (_systemTurnChain is { } system && caller.Contains(system)) || _running.Exists(caller.Contains);
        if (!waitsOnCaller)
        {
            return null;
        }

        var cycle = caller.Describe();
        cycle.Add(GrainId + "." + message.DisplayName);
        return new DeadlockException(cycle);
    }

    private void AdmitPendingLocked()
    {
        while (!_systemTurn && _pending.TryPeek(out var next) && CanStartLocked(next.Flags))
        {
            _pending.Dequeue();
            if (next.Timeout != Timeout.InfiniteTimeSpan && Runtime.TimeProvider.GetElapsedTime(next.EnqueuedTimestamp) > next.Timeout)
            {
                next.Fail(new GrainCallTimeoutException(GrainId + "." + next.DisplayName, next.Timeout));
                continue;
            }

            var turn = BeginTurnLocked(next.Flags, next.DisplayName, next.Caller);
            EnqueueWorkLocked(new WorkItem(next, turn));
        }
    }

    /// <summary>Hands a message this (now invalid) activation will never run to the grain's next activation.</summary>
    private void Forward(Message message)
    {
        if (message.CanForward)
        {
            Runtime.Forward(GrainId, message);
        }
        else
        {
            message.Fail(new InvalidOperationException($"Activation {GrainId} was deactivated."));
        }
    }
}
