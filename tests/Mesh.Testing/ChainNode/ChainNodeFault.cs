using Mesh.Chains.Clients;

namespace Mesh.Testing.ChainNode;

/// <summary>Call faults to arm on a chain: the next <paramref name="Count"/> calls, or each call with <paramref name="Probability"/>.</summary>
/// <param name="Kind">The failure.</param>
/// <param name="Count">How many calls fail (for <c>fail-next</c>).</param>
/// <param name="Probability">The failure rate, 0 to 1 (for <c>failure-rate</c>).</param>
public sealed record ChainNodeFault(ChainErrorKind Kind, int Count = 0, double Probability = 0);
