using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>A canonical block of a simulated chain and the transactions in it, in order.</summary>
internal sealed record SimulatedBlock(BlockHeader Header, IReadOnlyList<SimulatedTransaction> Transactions);
