namespace Mesh.Grains.Chains;

/// <summary>
/// What a chain grain keeps across activations: the last head it saw (so that a halted chain stays halted, not
/// freshly healthy, after a restart), its reorganisation record and its event index. Plain data for the grain's JSON storage; the
/// rest is read from the chain again on activation.
/// </summary>
internal sealed class ChainState
{
    /// <summary>Gets or sets the number of the last head seen, or null before the first.</summary>
    public ulong? HeadNumber { get; set; }

    /// <summary>Gets or sets the hash of the last head seen (<c>0x</c> and 64 hex digits), or null before the first.</summary>
    public string? HeadHash { get; set; }

    /// <summary>Gets or sets when the mesh last saw the head advance, or null before the first head.</summary>
    public DateTimeOffset? AdvancedAt { get; set; }

    /// <summary>Gets or sets how many reorganisations the mesh has seen on this chain.</summary>
    public long Reorgs { get; set; }

    /// <summary>Gets or sets the depth of the latest reorganisation, or null before the first.</summary>
    public int? LastReorgDepth { get; set; }

    /// <summary>Gets or sets when the latest reorganisation was seen, or null before the first.</summary>
    public DateTimeOffset? LastReorgAt { get; set; }

    /// <summary>Gets or sets the event index (cursor, totals, tentative events), or null before the first index step.</summary>
    public ChainIndexState? Index { get; set; }
}
