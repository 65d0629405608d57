namespace Mesh.Runtime;

/// <summary>A call would wait on a non-reentrant activation that is itself waiting on this call chain.</summary>
public sealed class DeadlockException : MeshRuntimeException
{
    /// <summary>Initializes a new instance of the <see cref="DeadlockException"/> class.</summary>
    public DeadlockException(IReadOnlyList<string> cycle)
        : base("mesh.runtime.deadlock", $"Call cycle detected: {string.Join(" -> ", cycle)}. The target grain is not reentrant and is waiting on this call chain; mark it [Reentrant] or the method [AlwaysInterleave] if interleaving is safe.")
        => Cycle = cycle;

    /// <summary>Gets the calls that form the cycle, outermost first, each as <c>grain-id.Method</c>.</summary>
    public IReadOnlyList<string> Cycle { get; }
}
