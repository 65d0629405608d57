namespace Mesh.Oracles;

/// <summary>An on-chain price feed as its grain last read it.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Asset">The asset it prices.</param>
/// <param name="Source">The oracle source it feeds, e.g. <c>chain:local-a</c>.</param>
/// <param name="Running">Whether it is read.</param>
/// <param name="Round">The latest round pushed to the oracle, if any.</param>
/// <param name="Price">That round's price in USD.</param>
/// <param name="UpdatedAt">That round's update time on chain.</param>
/// <param name="ReadAt">When the feed was last read successfully.</param>
/// <param name="Error">The last read's or push's failure (code and message), or <see langword="null"/> after a success.</param>
[GenerateSerializer]
[Alias("mesh.chain-feed.status-view")]
public sealed record ChainFeedStatus(
    [property: Id(0)] string Chain,
    [property: Id(1)] string Asset,
    [property: Id(2)] string Source,
    [property: Id(3)] bool Running,
    [property: Id(4)] ulong? Round,
    [property: Id(5)] decimal? Price,
    [property: Id(6)] DateTimeOffset? UpdatedAt,
    [property: Id(7)] DateTimeOffset? ReadAt,
    [property: Id(8)] string? Error);
