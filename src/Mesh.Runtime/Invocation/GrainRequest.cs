namespace Mesh.Runtime.Invocation;

/// <summary>One call of a grain method: its arguments as fields. Generated per method; not for direct use.</summary>
public abstract class GrainRequest
{
    /// <summary>Gets the method this request calls.</summary>
    public abstract GrainMethod Method { get; }

    /// <summary>Gets or sets the caller's cancellation token (passed to the grain if its method takes one).</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Writes the arguments, in order.</summary>
    public abstract void WriteArguments(IArgumentWriter writer);

    /// <summary>Reads the arguments, in order.</summary>
    public abstract void ReadArguments(IArgumentReader reader);

    /// <summary>Awaits a grain method that returns <see cref="Task"/>.</summary>
    protected static ValueTask<VoidResult> AwaitVoid(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<VoidResult> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    /// <summary>Awaits a grain method that returns <see cref="ValueTask"/>.</summary>
    protected static ValueTask<VoidResult> AwaitVoid(ValueTask task)
    {
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<VoidResult> Await(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    internal abstract Activation.Message CreateMessage();

    /// <summary>Runs a call that arrived from another silo on the local activation and encodes the response.</summary>
    internal abstract Task<ReadOnlyMemory<byte>> InvokeForRemoteAsync(Activation.GrainRuntime runtime, GrainId grainId, Activation.CallChain? caller, TimeSpan timeout, System.Diagnostics.ActivityContext parent);
}
