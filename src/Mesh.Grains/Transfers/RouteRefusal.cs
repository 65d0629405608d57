namespace Mesh.Grains.Transfers;

/// <summary>Why a candidate route cannot carry a request.</summary>
/// <param name="Path">The candidate, e.g. <c>local-a → local-c</c>.</param>
/// <param name="Code">A stable code: <c>route.capacity</c>, <c>route.rate_limited</c>, <c>route.chain_unhealthy</c>, <c>route.too_slow</c>, <c>route.amount_too_small</c>.</param>
/// <param name="Detail">What is wrong, with the numbers.</param>
/// <param name="RetryAfter">For a rate limit, when the bucket will hold enough; null otherwise.</param>
internal sealed record RouteRefusal(string Path, string Code, string Detail, TimeSpan? RetryAfter);
