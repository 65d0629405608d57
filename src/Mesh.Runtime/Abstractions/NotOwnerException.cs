namespace Mesh.Runtime;

/// <summary>The silo asked does not own the grain's partition (now); the call did not run. Callers refresh their view and retry.</summary>
public sealed class NotOwnerException(string message)
    : MeshRuntimeException("mesh.runtime.not_owner", message)
{
}
