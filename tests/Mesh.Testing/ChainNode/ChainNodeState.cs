namespace Mesh.Testing.ChainNode;

/// <summary>A simulated chain's block production.</summary>
/// <param name="IsHalted">Whether block production is halted.</param>
/// <param name="PendingCount">How many transactions wait in the mempool.</param>
public sealed record ChainNodeState(bool IsHalted, int PendingCount);
