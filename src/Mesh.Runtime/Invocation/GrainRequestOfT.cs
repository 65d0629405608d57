using System.Diagnostics;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Transport;

namespace Mesh.Runtime.Invocation;

/// <summary>A grain call whose result is <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The method's result type (<see cref="VoidResult"/> for methods without one).</typeparam>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on the grain instance.</summary>
    public abstract ValueTask<TResult> Invoke(object grain);

    internal override Message CreateMessage() => new RequestMessage<TResult>(this);

    internal override async Task<ReadOnlyMemory<byte>> InvokeForRemoteAsync(GrainRuntime runtime, GrainId grainId, CallChain? caller, TimeSpan timeout, ActivityContext parent)
    {
        try
        {
            var result = await runtime.InvokeLocalAsync(grainId, this, caller, timeout, parent).ConfigureAwait(false);
            return ResponseEnvelope.Ok(result);
        }
        catch (NotOwnerException notOwner) when (notOwner.CallDidNotRun)
        {
            return ResponseEnvelope.NotOwner(notOwner.Message);
        }
        catch (Exception exception)
        {
            return ResponseEnvelope.Failure(exception);
        }
    }
}
