using Mesh.Chains.Clients;

namespace Mesh.Testing.ChainNode;

/// <summary>The body of a failed chain node call: the chain's <see cref="ChainClientException"/>, field for field.</summary>
/// <param name="Chain">The chain the call went to.</param>
/// <param name="Kind">What kind of failure it is.</param>
/// <param name="Code">The stable code (<see cref="ChainErrorCodes"/>).</param>
/// <param name="Message">The chain's sentence.</param>
public sealed record ChainNodeError(string Chain, ChainErrorKind Kind, string Code, string Message)
{
    /// <summary>The error of an exception.</summary>
    /// <param name="exception">The chain's failure.</param>
    /// <returns>The body.</returns>
    public static ChainNodeError From(ChainClientException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.ChainName, exception.Kind, exception.Code, exception.Message);
    }

    /// <summary>The exception the client throws for this body, the same the chain threw.</summary>
    /// <returns>The exception.</returns>
    public ChainClientException ToException() => new(Chain, Kind, Code, Message);

    /// <summary>The HTTP status the node answers this kind with.</summary>
    /// <returns>400 for a rejection (404 for an unknown chain), 502, 503 or 504 for the other kinds.</returns>
    public int StatusCode() => Kind switch
    {
        ChainErrorKind.Rejected when Code == ChainErrorCodes.UnknownChain => 404,
        ChainErrorKind.Rejected => 400,
        ChainErrorKind.Unavailable => 503,
        ChainErrorKind.Timeout => 504,
        _ => 502,
    };
}
