using System.Diagnostics;
using System.Runtime.CompilerServices;
using Mesh.Runtime.Invocation;

namespace Mesh.Runtime.Activation;

/// <summary>A grain call that waits in a mailbox or whose turn awaits: completes its caller's task when the turn ends.</summary>
internal sealed class RequestMessage<TResult>(GrainRequest<TResult> request) : Message
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationData? _activation;
    private CallChain? _turn;
    private Activity? _span;
    private ConfiguredValueTaskAwaitable<TResult>.ConfiguredValueTaskAwaiter _awaiter;

    public GrainRequest<TResult> Request { get; } = request;

    public Task<TResult> Result => _completion.Task;

    public override GrainMethodFlags Flags => Request.Method.Flags;

    public override string DisplayName => Request.Method.DisplayName;

    public override void Start(ActivationData activation, CallChain turn, Activity? span)
    {
        ValueTask<TResult> pending;
        try
        {
            if (Request.CancellationToken.IsCancellationRequested)
            {
                pending = ValueTask.FromCanceled<TResult>(Request.CancellationToken);
            }
            else
            {
                pending = Request.Invoke(activation.Instance);
            }
        }
        catch (Exception exception)
        {
            pending = ValueTask.FromException<TResult>(exception);
        }

        Attach(activation, turn, span, pending);
    }

    /// <summary>Takes over a turn whose grain method has started (inline or queued) and completes the caller when it ends.</summary>
    public void Attach(ActivationData activation, CallChain turn, Activity? span, ValueTask<TResult> pending)
    {
        _activation = activation;
        _turn = turn;
        _span = span;
        _awaiter = pending.ConfigureAwait(false).GetAwaiter();
        if (_awaiter.IsCompleted)
        {
            OnCompleted();
        }
        else
        {
            _awaiter.UnsafeOnCompleted(OnCompleted);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    private void OnCompleted()
    {
        _activation!.EndTurn(_turn!, _span);
        try
        {
            _completion.TrySetResult(_awaiter.GetResult());
        }
        catch (Exception exception)
        {
            _completion.TrySetException(TurnFailures.Sanitize(exception));
        }
    }
}
