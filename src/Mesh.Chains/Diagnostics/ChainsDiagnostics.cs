using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mesh.Chains.Diagnostics;

/// <summary>
/// The telemetry of Mesh.Chains: one <see cref="ActivitySource"/> and one <see cref="Meter"/> named
/// <see cref="Name"/>, and the names of their instruments and tags. The host wires exporters.
/// </summary>
public static class ChainsDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Mesh.Chains";

    /// <summary>Counter of chain client calls, one per call, tagged with chain, method and (on failure) error type.</summary>
    public const string RpcCalls = "mesh.chain.rpc.calls";

    /// <summary>Histogram of chain client call durations in seconds, with the same tags.</summary>
    public const string RpcDuration = "mesh.chain.rpc.duration";

    /// <summary>Tag: the chain name.</summary>
    public const string ChainTag = "mesh.chain.name";

    /// <summary>Tag: the client method, e.g. <c>submit</c>.</summary>
    public const string MethodTag = "mesh.chain.rpc.method";

    /// <summary>Tag: the error code of a failed call (OpenTelemetry's <c>error.type</c>); absent on success.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The activity source; one client activity per call.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name);
}
