namespace Mesh.Chains.Configuration.Conversion;

/// <summary>A valid chain together with where it was declared, for cross-reference messages.</summary>
/// <param name="Chain">The parsed chain.</param>
/// <param name="Path">The JSON path of the chain entry, e.g. <c>$.chains[1]</c>.</param>
/// <param name="Index">The position of the entry in <c>$.chains</c>.</param>
internal sealed record ParsedChain(ChainDefinition Chain, string Path, int Index);
