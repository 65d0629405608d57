using System.Diagnostics;
using Mesh.Runtime.Invocation;

namespace Mesh.Runtime.Activation;

/// <summary>A unit of work that runs as one turn of an activation: a grain call or a timer tick.</summary>
internal abstract class Message
{
    public CallChain? Caller { get; set; }

    public ActivityContext ParentTrace { get; set; }

    public long EnqueuedTimestamp { get; set; }

    public TimeSpan Timeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;

    public abstract GrainMethodFlags Flags { get; }

    public abstract string DisplayName { get; }

    /// <summary>Gets a value indicating whether the message moves to the next activation when this one deactivates.</summary>
    public virtual bool CanForward => true;

    public bool IsInterleavable => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    public bool IsReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    /// <summary>Starts the turn; called with the activation's context set. Must end with <see cref="ActivationData.EndTurn"/>.</summary>
    public abstract void Start(ActivationData activation, CallChain turn, Activity? span);

    /// <summary>Fails the message without running it.</summary>
    public abstract void Fail(Exception exception);
}
