namespace Mesh.Grains.Chains;

/// <summary>What one index step did, for the grain to log, count and persist.</summary>
/// <param name="Final">Events applied as final (read in final blocks or finalized from tentative).</param>
/// <param name="Tentative">Events read in blocks that are not final yet.</param>
/// <param name="Unapplied">Tentative events a reorganisation removed.</param>
/// <param name="Reorg">The reorganisation handled, if any.</param>
/// <param name="CaughtUp">Whether the index has read every block up to the head it was given.</param>
/// <param name="CursorMoved">Whether the next block to read changed.</param>
internal sealed record ChainIndexStep(int Final, int Tentative, int Unapplied, ChainIndexReorg? Reorg, bool CaughtUp, bool CursorMoved)
{
    /// <summary>Whether the totals or the tentative events changed (worth writing at once).</summary>
    public bool Material => Final > 0 || Tentative > 0 || Unapplied > 0 || Reorg is not null;
}
