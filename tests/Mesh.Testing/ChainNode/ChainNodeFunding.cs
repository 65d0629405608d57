namespace Mesh.Testing.ChainNode;

/// <summary>A faucet mint or an allowance to the vault.</summary>
/// <param name="Account">The address (<c>0x</c> and 40 hex digits).</param>
/// <param name="Token">The token symbol.</param>
/// <param name="Amount">Base units.</param>
public sealed record ChainNodeFunding(string Account, string Token, UInt128 Amount);
