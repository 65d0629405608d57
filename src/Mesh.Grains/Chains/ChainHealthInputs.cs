namespace Mesh.Grains.Chains;

/// <summary>What the health of a chain is decided from, as of one moment.</summary>
/// <param name="BlockTime">The chain's expected time between blocks.</param>
/// <param name="HasHead">Whether the chain answered a head since the grain activated.</param>
/// <param name="FailedPollsInARow">How many polls in a row failed, up to now.</param>
/// <param name="GoodPollsSinceFailure">How many polls succeeded since the latest failure; <see langword="null"/> when none ever failed.</param>
/// <param name="SinceAdvance">How long since the mesh saw the head advance.</param>
/// <param name="HeadAge">How old the head block's timestamp is (never negative).</param>
/// <param name="LastErrorCode">The code of the latest failure, if any.</param>
internal readonly record struct ChainHealthInputs(
    TimeSpan BlockTime,
    bool HasHead,
    int FailedPollsInARow,
    int? GoodPollsSinceFailure,
    TimeSpan SinceAdvance,
    TimeSpan HeadAge,
    string? LastErrorCode);
