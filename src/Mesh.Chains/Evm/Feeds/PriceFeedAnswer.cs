using System.Numerics;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Feeds;

namespace Mesh.Chains.Evm.Feeds;

/// <summary>Checks the five words of <c>latestRoundData()</c> (roundId, answer, startedAt, updatedAt, answeredInRound) and scales the answer.</summary>
internal static class PriceFeedAnswer
{
    private static readonly BigInteger SignBit = BigInteger.One << 255;
    private static readonly BigInteger Modulus = BigInteger.One << 256;

    /// <param name="chain">The chain.</param>
    /// <param name="feed">The feed as chains.json declares it.</param>
    /// <param name="words">The five words as unsigned 256-bit integers.</param>
    /// <param name="chainTime">The time of the chain's head at the read.</param>
    public static PriceFeedRound Check(string chain, PriceFeedDefinition feed, IReadOnlyList<BigInteger> words, DateTimeOffset chainTime)
    {
        var roundId = words[0];
        var answer = words[1] >= SignBit ? words[1] - Modulus : words[1];
        var updatedAt = words[3];
        var answeredInRound = words[4];
        if (roundId.IsZero)
        {
            throw Fail(chain, feed, PriceFeedErrorCodes.NoData, "has published no round (round 0)");
        }

        if (roundId > ulong.MaxValue)
        {
            throw Fail(chain, feed, PriceFeedErrorCodes.InvalidAnswer, $"answered round {roundId}, beyond 64 bits");
        }

        if (answer.Sign <= 0)
        {
            throw Fail(chain, feed, PriceFeedErrorCodes.InvalidAnswer, $"answered {answer} in round {roundId}: a price must be greater than zero");
        }

        if (updatedAt.IsZero || updatedAt > 253_402_300_799)
        {
            throw Fail(chain, feed, PriceFeedErrorCodes.InvalidAnswer, $"answered round {roundId} with update time {updatedAt}");
        }

        if (answeredInRound < roundId)
        {
            throw Fail(chain, feed, PriceFeedErrorCodes.InvalidAnswer, $"carries round {roundId}'s answer from the older round {answeredInRound} (stale)");
        }

        decimal price;
        try
        {
            price = (decimal)answer / Pow10(feed.Decimals);
        }
        catch (OverflowException)
        {
            throw Fail(chain, feed, PriceFeedErrorCodes.InvalidAnswer, $"answered {answer}, too large for a price");
        }

        return new PriceFeedRound(chain, feed.Asset, (ulong)roundId, price, DateTimeOffset.FromUnixTimeSeconds((long)updatedAt), chainTime);
    }

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static ChainClientException Fail(string chain, PriceFeedDefinition feed, string code, string what) =>
        new(chain, ChainErrorKind.InvalidResponse, code, $"The {feed.Asset} price feed on '{chain}' ({feed.Address}) {what}.");
}
