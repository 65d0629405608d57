namespace Mesh.Grains.Chains;

/// <summary>A reorganisation: the head moved to a branch that leaves the mesh's view at <paramref name="Ancestor"/>.</summary>
/// <param name="OldHead">The head number before.</param>
/// <param name="NewHead">The head number after.</param>
/// <param name="Ancestor">The highest block both branches share, as far as the remembered blocks tell.</param>
/// <param name="Depth">How many blocks of the mesh's view were replaced (<paramref name="OldHead"/> − <paramref name="Ancestor"/>).</param>
/// <param name="FinalityBroken">Whether a block the chain had reported final was replaced.</param>
internal sealed record ChainReorg(ulong OldHead, ulong NewHead, ulong Ancestor, int Depth, bool FinalityBroken);
