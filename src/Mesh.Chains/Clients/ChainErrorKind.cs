namespace Mesh.Chains.Clients;

/// <summary>What kind of failure a <see cref="ChainClientException"/> reports.</summary>
public enum ChainErrorKind
{
    /// <summary>No answer in time. The request may have taken effect: retry, with the same operation id for a submission.</summary>
    Timeout = 0,

    /// <summary>The node cannot be reached or refuses service (down, halted, rate limited); the request had no effect. Retry later.</summary>
    Unavailable = 1,

    /// <summary>The chain or the client refuses the request (conflicting operation id, unknown token, malformed input); retrying will not help.</summary>
    Rejected = 2,

    /// <summary>The node answered something the client cannot read or that breaks the protocol; treat the node as faulty.</summary>
    InvalidResponse = 3,
}
