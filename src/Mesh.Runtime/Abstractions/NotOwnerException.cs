namespace Mesh.Runtime;

/// <summary>The silo asked does not own the grain's partition (now). Callers refresh their view and retry.</summary>
public sealed class NotOwnerException(string message)
    : MeshRuntimeException("mesh.runtime.not_owner", message)
{
    /// <summary>
    /// Gets a value indicating whether the runtime refused this very call before any grain code ran, so that
    /// retrying it elsewhere cannot apply it twice. False when the exception came out of grain code (a call the
    /// grain made failed), because then the outer call did run.
    /// </summary>
    internal bool CallDidNotRun { get; init; }
}
