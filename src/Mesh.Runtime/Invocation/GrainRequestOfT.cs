using Mesh.Runtime.Activation;

namespace Mesh.Runtime.Invocation;

/// <summary>A grain call whose result is <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The method's result type (<see cref="VoidResult"/> for methods without one).</typeparam>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on the grain instance.</summary>
    public abstract ValueTask<TResult> Invoke(object grain);

    internal override Message CreateMessage() => new RequestMessage<TResult>(this);
}
