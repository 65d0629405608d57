using System.Diagnostics;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Cluster;
using Mesh.Runtime.Invocation;
using Polly;
using Polly.Retry;

namespace Mesh.Runtime.Transport;

/// <summary>
/// Delivers a call to the grain's owning silo. "Not owner" answers and unreachable owners mean the call did not run, so
/// they are retried (bounded, with backoff and a fresh ownership view) until the call's deadline.
/// </summary>
internal sealed class RemoteCallInvoker
{
    private readonly GrainRuntime _runtime;
    private readonly SiloTransportClient _client;
    private readonly ResiliencePipeline _retry;

    public RemoteCallInvoker(GrainRuntime runtime, SiloTransportClient client, ClusterOptions options)
    {
        _runtime = runtime;
        _client = client;
        _retry = new ResiliencePipelineBuilder { TimeProvider = runtime.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NotOwnerException>(e => e.CallDidNotRun).Handle<SiloUnreachableException>(),
                MaxRetryAttempts = Math.Max(1, options.MaxCallRetries),
                Delay = TimeSpan.FromMilliseconds(25),
                MaxDelay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    runtime.Locator.RequestRefresh();
                    return default;
                },
            })
            .Build();
    }

    public async ValueTask<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request, CallChain? caller)
    {
        var timeout = _runtime.Options.ResponseTimeout;
        using var deadline = new CancellationTokenSource(timeout, _runtime.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, request.CancellationToken);
        var state = new CallState<TResult>(this, target, request, caller, Activity.Current?.Id, _runtime.TimeProvider.GetTimestamp(), timeout);
        try
        {
            return await _retry.ExecuteAsync(static (state, ct) => state.Invoker.AttemptAsync(state, ct), state, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !request.CancellationToken.IsCancellationRequested)
        {
            throw new GrainCallTimeoutException(target.GrainId + "." + request.Method.DisplayName, timeout);
        }
    }

    private async ValueTask<TResult> AttemptAsync<TResult>(CallState<TResult> state, CancellationToken cancellationToken)
    {
        var partition = state.Target.PartitionOf(_runtime.Locator.PartitionCount);
        var remaining = state.Timeout - _runtime.TimeProvider.GetElapsedTime(state.Started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new GrainCallTimeoutException(state.Target.GrainId + "." + state.Request.Method.DisplayName, state.Timeout);
        }

        if (_runtime.Locator.IsLocal(partition))
        {
            return await _runtime.InvokeLocalAsync(state.Target.GrainId, state.Request, state.Caller, remaining, default).ConfigureAwait(false);
        }

        var owner = _runtime.Locator.GetOwnerEndpoint(partition)
            ?? throw new NotOwnerException($"No live silo holds partition {partition} of {state.Target.GrainId} yet (ownership is moving).") { CallDidNotRun = true };
        return await _client.SendAsync(owner, state.Target.GrainId, state.Request, remaining, state.TraceParent, state.Caller, cancellationToken).ConfigureAwait(false);
    }

    private sealed record CallState<TResult>(RemoteCallInvoker Invoker, GrainReference Target, GrainRequest<TResult> Request, CallChain? Caller, string? TraceParent, long Started, TimeSpan Timeout);
}
