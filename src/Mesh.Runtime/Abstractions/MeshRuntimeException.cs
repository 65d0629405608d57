namespace Mesh.Runtime;

/// <summary>Base type of the runtime's own failures. <see cref="Code"/> is a stable machine-readable code.</summary>
public class MeshRuntimeException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="MeshRuntimeException"/> class.</summary>
    public MeshRuntimeException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Gets the stable error code, e.g. <c>mesh.runtime.deadlock</c>.</summary>
    public string Code { get; }
}
