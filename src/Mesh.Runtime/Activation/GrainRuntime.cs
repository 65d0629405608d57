using System.Diagnostics;
using Mesh.Runtime.Diagnostics;
using Mesh.Runtime.Hosting;
using Mesh.Runtime.Invocation;
using Mesh.Runtime.Persistence;
using Mesh.Runtime.Reminders;

namespace Mesh.Runtime.Activation;

// The call path inspects a ValueTask (IsCompleted) before handing it on exactly once; CA2012 cannot see that.
#pragma warning disable CA2012

/// <summary>The heart of a silo: creates grain references and delivers their calls to activations.</summary>
internal sealed class GrainRuntime : IGrainCallRuntime, IGrainFactory
{
    public GrainRuntime(
        string siloId,
        GrainTypeRegistry registry,
        RuntimeOptions options,
        TimeProvider timeProvider,
        IServiceProvider services,
        GrainStorageCollection storage,
        IGrainLocator locator,
        RuntimeLog log,
        Func<GrainRuntime, RuntimeInstrumentation> instrumentation)
    {
        SiloId = siloId;
        Registry = registry;
        Options = options;
        TimeProvider = timeProvider;
        Services = services;
        Storage = storage;
        Locator = locator;
        Log = log;
        Catalog = new Catalog(this);
        Instrumentation = instrumentation(this);
    }

    public string SiloId { get; }

    public GrainTypeRegistry Registry { get; }

    public RuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public IServiceProvider Services { get; }

    public GrainStorageCollection Storage { get; }

    public IGrainLocator Locator { get; }

    public RuntimeLog Log { get; }

    public Catalog Catalog { get; }

    public RuntimeInstrumentation Instrumentation { get; }

    public ReminderService Reminders { get; set; } = null!;

    /// <summary>Gets or sets the invoker for grains owned by other silos; null on a single silo.</summary>
    public Transport.RemoteCallInvoker? Remote { get; set; }

    public IGrainFactory GrainFactory => this;

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        GrainId.ValidateKey(key);
        var grainType = Registry.GetGrainType(typeof(TGrainInterface));
        return (TGrainInterface)Registry.CreateProxy(typeof(TGrainInterface), this, new GrainId(grainType, key));
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain
    {
        GrainId.ValidateKey(grainId.Key);
        return (TGrainInterface)Registry.CreateProxy(typeof(TGrainInterface), this, grainId);
    }

    public ValueTask<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var method = request.Method;
        Instrumentation.CallIssued(method.DisplayName);
        var previousActivity = Activity.Current;
        var span = RuntimeInstrumentation.StartClientSpan(target.GrainId, method.DisplayName);
        var started = Instrumentation.CallDurationEnabled ? TimeProvider.GetTimestamp() : 0;
        ValueTask<TResult> result;
        try
        {
            if (Remote is not null && !Locator.IsLocal(target.PartitionOf(Locator.PartitionCount)))
            {
                result = Remote.InvokeAsync(target, request, CallChain.Current);
                return Finish(result, span, started, method.DisplayName);
            }

            var activation = target.CachedTarget as ActivationData;
            if (activation is null || activation.IsInvalid || activation.IsStale || !ReferenceEquals(activation.Runtime, this))
            {
                activation = Catalog.GetOrCreate(target.GrainId);
                target.CachedTarget = activation;
            }

            result = activation.Invoke(request, CallChain.Current, Options.ResponseTimeout);
            if (Remote is not null && !result.IsCompleted)
            {
                result = RetryIfMoved(result, target, request);
            }
        }
        catch (Exception exception)
        {
            result = ValueTask.FromException<TResult>(exception);
        }
        finally
        {
            if (span is not null)
            {
                Activity.Current = previousActivity;
            }
        }

        return Finish(result, span, started, method.DisplayName);
    }

    /// <summary>Runs a call on the local activation; the silo must own the grain's partition.</summary>
    /// <exception cref="NotOwnerException">This silo does not own the grain (nothing ran).</exception>
    public ValueTask<TResult> InvokeLocalAsync<TResult>(GrainId grainId, GrainRequest<TResult> request, CallChain? caller, TimeSpan timeout, ActivityContext parent)
    {
        var (partition, _) = Locator.GetFence(grainId);
        if (!Locator.IsLocal(partition))
        {
            throw new NotOwnerException($"Silo {SiloId} does not own partition {partition} (grain {grainId}).") { CallDidNotRun = true };
        }

        return Catalog.GetOrCreate(grainId).Invoke(request, caller, timeout, parent);
    }

    /// <summary>Waits for a queued or suspended call's result, up to the call's deadline.</summary>
    public ValueTask<TResult> AwaitResult<TResult>(Task<TResult> result, TimeSpan timeout, GrainRequest request, GrainId grainId)
    {
        if (result.IsCompleted)
        {
            return new ValueTask<TResult>(result);
        }

        return AwaitSlow(result, timeout, request, grainId);

        async ValueTask<TResult> AwaitSlow(Task<TResult> result, TimeSpan timeout, GrainRequest request, GrainId grainId)
        {
            try
            {
                return await result.WaitAsync(timeout, TimeProvider, request.CancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!result.IsCompleted)
            {
                throw new GrainCallTimeoutException(grainId + "." + request.Method.DisplayName, timeout);
            }
        }
    }

    /// <summary>Delivers a message whose activation deactivated before running it to the grain's next activation.</summary>
    public void Forward(GrainId grainId, Message message)
    {
        try
        {
            Catalog.GetOrCreate(grainId).Enqueue(message);
        }
        catch (Exception exception)
        {
            message.Fail(exception);
        }
    }

    private ValueTask<TResult> Finish<TResult>(ValueTask<TResult> result, Activity? span, long started, string method)
    {
        if (span is null && started == 0)
        {
            return result;
        }

        if (result.IsCompleted)
        {
            Observe(span, started, method, !result.IsCompletedSuccessfully);
            return result;
        }

        return ObserveAsync(result, span, started, method);
    }

    /// <summary>A local call whose activation moved away before running it ("not owner": nothing ran) is re-sent to the new owner.</summary>
    private async ValueTask<TResult> RetryIfMoved<TResult>(ValueTask<TResult> pending, GrainReference target, GrainRequest<TResult> request)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (NotOwnerException notOwner) when (notOwner.CallDidNotRun)
        {
            return await Remote!.InvokeAsync(target, request, CallChain.Current).ConfigureAwait(false);
        }
    }

    private void Observe(Activity? span, long started, string method, bool failed)
    {
        if (span is not null)
        {
            if (failed)
            {
                span.SetStatus(ActivityStatusCode.Error);
            }

            span.Dispose();
        }

        if (started != 0)
        {
            Instrumentation.CallCompleted(method, TimeProvider.GetElapsedTime(started), failed);
        }
    }

    private async ValueTask<TResult> ObserveAsync<TResult>(ValueTask<TResult> result, Activity? span, long started, string method)
    {
        var failed = true;
        try
        {
            var value = await result.ConfigureAwait(false);
            failed = false;
            return value;
        }
        finally
        {
            Observe(span, started, method, failed);
        }
    }
}
