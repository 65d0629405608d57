namespace Mesh.Grains.Transfers;

/// <summary>The route chosen for a request: the cheapest that fits amount, capacity, rate limits, chain health and deadline.</summary>
/// <param name="Request">The request.</param>
/// <param name="Hops">The crossings in order.</param>
internal sealed record RoutePlan(RouteRequest Request, IReadOnlyList<RouteHop> Hops)
{
    /// <summary>Gets what arrives on the destination.</summary>
    public UInt128 Delivered => Hops[^1].AmountOut;

    /// <summary>Gets the fees of every hop together (exactly <c>Amount − Delivered</c>).</summary>
    public UInt128 Fee => Request.Amount - Delivered;

    /// <summary>Gets the expected time end to end.</summary>
    public TimeSpan Duration => Hops.Aggregate(TimeSpan.Zero, (sum, hop) => sum + hop.Duration);

    /// <summary>Gets the chains visited, e.g. <c>local-a → local-b</c>.</summary>
    public string Path => string.Join(" → ", Hops.Select(h => h.From).Append(Hops[^1].To));
}
