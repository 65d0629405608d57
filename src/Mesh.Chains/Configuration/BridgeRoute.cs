namespace Mesh.Chains.Configuration;

/// <summary>A one-way bridge route that moves one asset from one chain to another.</summary>
public sealed record BridgeRoute
{
    /// <summary>The source chain name.</summary>
    public required string From { get; init; }

    /// <summary>The destination chain name (never the same as <see cref="From"/>).</summary>
    public required string To { get; init; }

    /// <summary>The symbol of the token moved; a token with this symbol exists on both chains.</summary>
    public required string Asset { get; init; }

    /// <summary>The fee charged on the moved amount, in basis points (0 to 10000).</summary>
    public required int FeeBps { get; init; }

    /// <summary>The expected time from lock on the source to release on the destination.</summary>
    public required TimeSpan Latency { get; init; }

    /// <summary>The most that may be in transit on this route at once, in base units of the asset.</summary>
    public required UInt128 Capacity { get; init; }

    /// <summary>The token-bucket rate limit on amounts entering the route.</summary>
    public required RouteRateLimit RateLimit { get; init; }
}
