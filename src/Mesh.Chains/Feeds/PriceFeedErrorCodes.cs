namespace Mesh.Chains.Feeds;

/// <summary>The stable codes of price feed failures, dotted lower case.</summary>
public static class PriceFeedErrorCodes
{
    /// <summary><c>chains.json</c> lists no feed of that asset on that chain.</summary>
    public const string UnknownFeed = "feed.unknown";

    /// <summary>The feed has published no round yet (it reverts, or answers round 0).</summary>
    public const string NoData = "feed.no_data";

    /// <summary>The feed's <c>decimals()</c> differs from what <c>chains.json</c> states.</summary>
    public const string DecimalsMismatch = "feed.decimals_mismatch";

    /// <summary>The feed answered what cannot be a price: a non-positive answer, no update time, a stale round, a malformed answer.</summary>
    public const string InvalidAnswer = "feed.invalid_answer";
}
