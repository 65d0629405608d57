using Mesh.Chains.Simulated;

namespace Mesh.Testing.ChainNode;

/// <summary>A reorganisation to make.</summary>
/// <param name="Depth">How many blocks to replace.</param>
/// <param name="Mode">What happens to their transactions.</param>
public sealed record ChainNodeReorg(int Depth, ReorgMode Mode);
