namespace Mesh.Runtime;

/// <summary>The owning silo could not be connected to; the call was not sent, so it is safe to retry.</summary>
public sealed class SiloUnreachableException(string message, Exception? innerException = null)
    : MeshRuntimeException("mesh.runtime.silo_unreachable", message, innerException)
{
}
