using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>Maker's Liquidations 2.0 caps and dust rule on worked examples (value in base units: 1 = $1 here).</summary>
public sealed class SaleCapsTests
{
    [Theory]
    // Hole 10,000,000 with 9,200,000 in flight; the market's hole 2,000,000 with 1,500,000 in flight: room 500,000.
    [InlineData(10_000_000, 9_200_000, 2_000_000, 1_500_000, 500_000)]
    // The global cap binds: 300,000 left globally, 1,500,000 in the market.
    [InlineData(10_000_000, 9_700_000, 2_000_000, 500_000, 300_000)]
    // A cap already exceeded (a dust top-up went over it) leaves no room, never a negative one.
    [InlineData(10_000_000, 10_000_050, 2_000_000, 0, 0)]
    [InlineData(10_000_000, 0, 2_000_000, 2_000_000, 0)]
    public void Room_IsTheSmallerOfBothCapsLeft(long hole, long dirt, long ilkHole, long ilkDirt, long expected)
    {
        var sut = SaleCaps.Room((UInt128)hole, (UInt128)dirt, (UInt128)ilkHole, (UInt128)ilkDirt);

        Assert.Equal((UInt128)expected, sut);
    }

    [Theory]
    // Fits: all of it.
    [InlineData(200_000, 500_000, 10_000, 200_000, "Full")]
    // Room short, remainder 300,000 ≥ dust: partial grant of the room.
    [InlineData(800_000, 500_000, 10_000, 500_000, "Partial")]
    // Room short by 4,000 < dust 10,000: the whole 504,000 goes (exceeding the room by less than dust).
    [InlineData(504_000, 500_000, 10_000, 504_000, "WholeByDust")]
    // Short by exactly dust: the remainder is not below dust, so partial.
    [InlineData(510_000, 500_000, 10_000, 500_000, "Partial")]
    // Room 9,999 < dust 10,000: refused (a grant would be dusty).
    [InlineData(50_000, 9_999, 10_000, 0, "RefusedNoRoom")]
    // No room.
    [InlineData(50_000, 0, 10_000, 0, "RefusedNoRoom")]
    // A request below dust that fits is granted whole (the vault's last bit), as Maker lets a whole small vault go.
    [InlineData(3_000, 500_000, 10_000, 3_000, "Full")]
    public void Decide_WorkedExamples(long requested, long room, long dust, long granted, string outcome)
    {
        var sut = SaleCaps.Decide((UInt128)requested, (UInt128)room, (UInt128)dust);

        Assert.Equal(((UInt128)granted, Enum.Parse<SaleOutcome>(outcome)), (sut.Granted, sut.Outcome));
    }

    [Fact]
    public void Decide_NeverGrantsLessThanDustAndNeverLeavesLessThanDust()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var dust = (UInt128)(ulong)random.NextInt64(1, 1_000);
            var requested = (UInt128)(ulong)random.NextInt64(1, 100_000);
            var room = (UInt128)(ulong)random.NextInt64(0, 100_000);

            var sut = SaleCaps.Decide(requested, room, dust);

            Assert.True(sut.Granted <= requested);
            if (sut.Outcome == SaleOutcome.Partial)
            {
                Assert.True(sut.Granted >= dust && requested - sut.Granted >= dust && sut.Granted == room, $"{requested}/{room}/{dust}");
            }

            if (sut.IsGranted && sut.Granted > room)
            {
                Assert.True(sut.Outcome == SaleOutcome.WholeByDust && sut.Granted - room < dust, $"{requested}/{room}/{dust}");
            }
        }
    }
}
