namespace Mesh.Chains.Configuration;

/// <summary>
/// A token-bucket rate limit on a bridge route, in base units of the route's asset (after Chainlink CCIP's
/// rate limiter): the bucket holds at most <paramref name="Capacity"/> and refills at
/// <paramref name="RefillPerSecond"/>.
/// </summary>
/// <param name="Capacity">The bucket size: the largest amount that may enter the route in one burst.</param>
/// <param name="RefillPerSecond">How much capacity comes back each second.</param>
public sealed record RouteRateLimit(UInt128 Capacity, UInt128 RefillPerSecond);
