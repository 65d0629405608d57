namespace Mesh.Grains.Chains;

/// <summary>
/// What the chain's event index keeps across activations, written as one snapshot with the chain grain's state: the
/// cursor, the final totals, the tentative events and the hashes of the blocks they are in, and a bounded window of
/// recently finalized operation ids. Bounded: final events fold into the totals and only the recent ids are kept.
/// </summary>
internal sealed class ChainIndexState
{
    /// <summary>Gets or sets the next block to read.</summary>
    public ulong NextBlock { get; set; }

    /// <summary>Gets or sets the highest block whose events are applied as final, or null before the first.</summary>
    public ulong? FinalizedTo { get; set; }

    /// <summary>Gets or sets the final totals per protocol and token.</summary>
    public List<IndexedTotalState> Totals { get; set; } = [];

    /// <summary>Gets or sets the events of blocks that are not final yet, in block and log order.</summary>
    public List<IndexedEventState> Tentative { get; set; } = [];

    /// <summary>Gets or sets the hashes of the blocks read that are not final yet, in block order.</summary>
    public List<IndexedBlockState> Blocks { get; set; } = [];

    /// <summary>Gets or sets the operation ids of the latest final events, oldest first (bounded by <see cref="ChainMonitorOptions.IndexRecentOperations"/>).</summary>
    public List<string> RecentOperations { get; set; } = [];

    /// <summary>Gets or sets how many events were applied as final, ever.</summary>
    public long Applied { get; set; }

    /// <summary>Gets or sets how many tentative events reorganisations removed, ever.</summary>
    public long Unapplied { get; set; }

    /// <summary>Gets or sets how many reorganisations of indexed blocks were handled, ever.</summary>
    public long Reorgs { get; set; }
}
