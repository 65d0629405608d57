namespace Mesh.Runtime;

/// <summary>A grain call did not complete before its deadline.</summary>
public sealed class GrainCallTimeoutException(string target, TimeSpan timeout)
    : MeshRuntimeException("mesh.runtime.call_timeout", $"The call {target} did not complete within {timeout.TotalMilliseconds:0} ms.")
{
    /// <summary>Gets the grain and method called.</summary>
    public string Target { get; } = target;

    /// <summary>Gets the call's timeout.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
