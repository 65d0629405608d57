namespace Mesh.Runtime;

/// <summary>The silo cannot take the call now (shutting down, or its storage is unreachable); retrying later may succeed.</summary>
public sealed class SiloUnavailableException(string message, Exception? innerException = null)
    : MeshRuntimeException("mesh.runtime.silo_unavailable", message, innerException)
{
}
