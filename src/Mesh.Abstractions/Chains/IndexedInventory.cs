namespace Mesh.Chains;

/// <summary>The mesh's inventory on one chain as its event index sees it: final totals and tentative movements per protocol and token.</summary>
/// <param name="Chain">The chain name.</param>
/// <param name="IndexedTo">The highest block whose events the index has read; null before the first.</param>
/// <param name="IndexedHash">That block's hash when the index remembers it to detect reorganisations (a block above the finalized one, or the finalized one itself), else null.</param>
/// <param name="FinalizedTo">The highest block whose events are applied as final; null before the first.</param>
/// <param name="Lines">One line per protocol and token the index has seen, ordered by protocol then token.</param>
/// <param name="TentativeEvents">How many events of blocks that are not final yet the index holds.</param>
/// <param name="AppliedEvents">How many events the index has applied as final, ever.</param>
/// <param name="UnappliedEvents">How many tentative events reorganisations removed, ever.</param>
/// <param name="Reorgs">How many reorganisations of indexed blocks the index has handled, ever.</param>
/// <param name="LastErrorCode">The stable code of the latest failed index step (<c>chain.invalid_response</c>...), if any since activation.</param>
/// <param name="LastError">The message of that failure, if any.</param>
/// <param name="LastErrorAt">When that failure happened, if any.</param>
[GenerateSerializer]
[Alias("mesh.chain.indexed_inventory")]
public sealed record IndexedInventory(
    [property: Id(0)] string Chain,
    [property: Id(1)] ulong? IndexedTo,
    [property: Id(2)] string? IndexedHash,
    [property: Id(3)] ulong? FinalizedTo,
    [property: Id(4)] IReadOnlyList<IndexedLine> Lines,
    [property: Id(5)] int TentativeEvents,
    [property: Id(6)] long AppliedEvents,
    [property: Id(7)] long UnappliedEvents,
    [property: Id(8)] long Reorgs,
    [property: Id(9)] string? LastErrorCode,
    [property: Id(10)] string? LastError,
    [property: Id(11)] DateTimeOffset? LastErrorAt);
