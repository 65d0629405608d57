using System.Diagnostics;
using Mesh.Runtime.Diagnostics;

namespace Mesh.Runtime.Activation;

/// <summary>
/// The activation's executor: at most one thread runs this grain's code at a time. Continuations of grain code are
/// posted here (this is the grain's <see cref="SynchronizationContext"/>) and run in order on the thread pool.
/// </summary>
internal sealed partial class ActivationData : SynchronizationContext, IThreadPoolWorkItem
{
    private const int MaxItemsPerDispatch = 64;
    private readonly Queue<WorkItem> _work = new();
    private bool _executing;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            EnqueueWorkLocked(new WorkItem(d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send to a grain activation is not supported; await instead.");

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = SynchronizationContext.Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < MaxItemsPerDispatch; i++)
            {
                WorkItem item;
                lock (_lock)
                {
                    if (!_work.TryDequeue(out item))
                    {
                        _executing = false;
                        return;
                    }
                }

                Run(item);
            }

            lock (_lock)
            {
                if (_work.Count == 0)
                {
                    _executing = false;
                    return;
                }
            }

            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private void Run(in WorkItem item)
    {
        if (item.Message is { } message)
        {
            var previousActivity = Activity.Current;
            var span = RuntimeInstrumentation.StartServerSpan(GrainId, message.DisplayName, message.ParentTrace);
            CallChain.Current = item.Turn;
            try
            {
                message.Start(this, item.Turn!, span);
            }
            finally
            {
                CallChain.Current = null;
                Activity.Current = previousActivity;
            }

            return;
        }

        try
        {
            item.Callback!(item.State);
        }
        catch (Exception exception)
        {
            Runtime.Log.WorkItemFailed(exception, GrainId);
        }
    }

    private bool TryTakeExecutorLocked()
    {
        if (_executing)
        {
            return false;
        }

        _executing = true;
        return true;
    }

    private void EnqueueWorkLocked(WorkItem item)
    {
        _work.Enqueue(item);
        if (!_executing)
        {
            _executing = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void ReleaseExecutor()
    {
        lock (_lock)
        {
            if (_work.Count == 0)
            {
                _executing = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private readonly struct WorkItem
    {
        public WorkItem(Message message, CallChain turn)
        {
            Message = message;
            Turn = turn;
        }

        public WorkItem(SendOrPostCallback callback, object? state)
        {
            Callback = callback;
            State = state;
        }

        public Message? Message { get; }

        public CallChain? Turn { get; }

        public SendOrPostCallback? Callback { get; }

        public object? State { get; }
    }
}
