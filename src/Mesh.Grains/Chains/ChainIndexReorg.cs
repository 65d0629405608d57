namespace Mesh.Grains.Chains;

/// <summary>A reorganisation of blocks the index had read: everything above <paramref name="Ancestor"/> was un-applied and is read again.</summary>
/// <param name="Ancestor">The highest indexed block the chain still has (or the block below the remembered ones).</param>
/// <param name="OldTop">The highest block the index had read before.</param>
/// <param name="Unapplied">How many tentative events were removed.</param>
/// <param name="FinalityBroken">Whether a block the index had applied as final was replaced (its events cannot be un-applied).</param>
internal sealed record ChainIndexReorg(ulong Ancestor, ulong OldTop, int Unapplied, bool FinalityBroken);
