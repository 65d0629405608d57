namespace Mesh.Grains.Transfers;

/// <summary>One bridge crossing of a route.</summary>
/// <param name="From">The chain it leaves.</param>
/// <param name="To">The chain it reaches.</param>
/// <param name="AmountIn">What enters the bridge, base units.</param>
/// <param name="Fee">The bridge's fee, rounded up, base units.</param>
/// <param name="AmountOut">What is released on <paramref name="To"/>: <paramref name="AmountIn"/> less <paramref name="Fee"/>.</param>
/// <param name="Duration">Finality of the lock on the source, the bridge's latency, finality of the release on the destination.</param>
internal sealed record RouteHop(string From, string To, UInt128 AmountIn, UInt128 Fee, UInt128 AmountOut, TimeSpan Duration);
