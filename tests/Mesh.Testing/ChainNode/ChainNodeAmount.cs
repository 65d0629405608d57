namespace Mesh.Testing.ChainNode;

/// <summary>An amount of a token, in base units.</summary>
/// <param name="Amount">The amount.</param>
public sealed record ChainNodeAmount(UInt128 Amount);
