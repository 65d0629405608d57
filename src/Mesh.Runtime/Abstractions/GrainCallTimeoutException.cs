namespace Mesh.Runtime;

/// <summary>A grain call did not complete before its deadline.</summary>
public sealed class GrainCallTimeoutException : MeshRuntimeException
{
    /// <summary>Initializes a new instance of the <see cref="GrainCallTimeoutException"/> class.</summary>
    public GrainCallTimeoutException(string target, TimeSpan timeout)
        : base(ErrorCode, $"The call {target} did not complete within {timeout.TotalMilliseconds:0} ms.")
    {
        Target = target;
        Timeout = timeout;
    }

    /// <summary>Rebuilds a timeout reported by another silo, keeping its message.</summary>
    internal GrainCallTimeoutException(string remoteMessage)
        : base(ErrorCode, remoteMessage)
    {
        Target = string.Empty;
    }

    /// <summary>Gets the grain and method called.</summary>
    public string Target { get; }

    /// <summary>Gets the call's timeout (zero when reported by another silo).</summary>
    public TimeSpan Timeout { get; }

    private const string ErrorCode = "mesh.runtime.call_timeout";
}
