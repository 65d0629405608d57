namespace Mesh.Runtime;

/// <summary>A grain on another silo threw an exception whose type cannot be rebuilt here; its type name and message are kept.</summary>
public sealed class RemoteGrainException(string remoteType, string message, Uri silo)
    : MeshRuntimeException("mesh.runtime.remote_exception", $"{remoteType} on silo {silo}: {message}")
{
    /// <summary>Gets the full type name of the original exception.</summary>
    public string RemoteType { get; } = remoteType;

    /// <summary>Gets the original message.</summary>
    public string RemoteMessage { get; } = message;
}
