using System.Numerics;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Feeds;
using Mesh.Chains.Feeds;

namespace Mesh.Chains.Evm.Tests.Evm.Feeds;

public sealed class PriceFeedAnswerTests
{
    private static readonly PriceFeedDefinition Feed = new("WETH", "0x00000000000000000000000000000000000002a2", 8, TimeSpan.FromHours(1));
    private static readonly BigInteger Modulus = BigInteger.One << 256;
    private static readonly DateTimeOffset ChainTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_090);

    [Fact]
    public void Check_ChainlinkShapedRound_ScalesAnswerAndReadsUpdateTime()
    {
        var sut = PriceFeedAnswer.Check("local-a", Feed, Words(round: 7, answer: 3_000_12345678, updatedAt: 1_700_000_000, answeredIn: 7), ChainTime);

        Assert.Equal(new PriceFeedRound("local-a", "WETH", 7, 3_000.12345678m, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), ChainTime), sut);
        Assert.Equal(TimeSpan.FromSeconds(90), sut.Age);
    }

    [Theory]
    [InlineData(7, -1, 1_700_000_000, 7, PriceFeedErrorCodes.InvalidAnswer, "answered -1 in round 7: a price must be greater than zero")]
    [InlineData(7, 0, 1_700_000_000, 7, PriceFeedErrorCodes.InvalidAnswer, "a price must be greater than zero")]
    [InlineData(0, 100, 1_700_000_000, 0, PriceFeedErrorCodes.NoData, "has published no round")]
    [InlineData(7, 100, 0, 7, PriceFeedErrorCodes.InvalidAnswer, "with update time 0")]
    [InlineData(7, 100, 1_700_000_000, 6, PriceFeedErrorCodes.InvalidAnswer, "from the older round 6 (stale)")]
    public void Check_UnusableRound_IsRefusedWithReason(long round, long answer, long updatedAt, long answeredIn, string code, string reason)
    {
        var ex = Assert.Throws<ChainClientException>(() => PriceFeedAnswer.Check("local-a", Feed, Words(round, answer, updatedAt, answeredIn), ChainTime));

        Assert.Equal(code, ex.Code);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains("The WETH price feed on 'local-a' (0x00000000000000000000000000000000000002a2)", ex.Message, StringComparison.Ordinal);
    }

    private static BigInteger[] Words(long round, long answer, long updatedAt, long answeredIn) =>
        [round, answer < 0 ? Modulus + answer : answer, updatedAt, updatedAt, answeredIn];
}
