namespace Mesh.Chains.Clients;

/// <summary>A failure of a chain call, with a stable <see cref="Code"/> from <see cref="ChainErrorCodes"/> and a <see cref="Kind"/>.</summary>
public sealed class ChainClientException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="chainName">The chain the call went to.</param>
    /// <param name="kind">What kind of failure it is.</param>
    /// <param name="code">The stable code, dotted lower case.</param>
    /// <param name="message">A sentence for a person.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ChainClientException(string chainName, ChainErrorKind kind, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ChainName = chainName;
        Kind = kind;
        Code = code;
    }

    /// <summary>The chain the call went to.</summary>
    public string ChainName { get; }

    /// <summary>What kind of failure it is.</summary>
    public ChainErrorKind Kind { get; }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>Whether retrying the same call later may succeed (<see cref="ChainErrorKind.Timeout"/> or <see cref="ChainErrorKind.Unavailable"/>).</summary>
    public bool IsTransient => Kind is ChainErrorKind.Timeout or ChainErrorKind.Unavailable;

    internal static ChainClientException Rejected(string chainName, string code, string message) =>
        new(chainName, ChainErrorKind.Rejected, code, message);
}
