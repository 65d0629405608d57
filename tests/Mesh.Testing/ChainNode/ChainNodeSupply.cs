namespace Mesh.Testing.ChainNode;

/// <summary>A token's supply on a chain.</summary>
/// <param name="Supply">The sum of every address's balance (accounts, vault, bridge).</param>
/// <param name="Minted">What the faucet minted.</param>
public sealed record ChainNodeSupply(UInt128 Supply, UInt128 Minted);
