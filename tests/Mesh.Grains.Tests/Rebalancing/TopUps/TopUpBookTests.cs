using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing.TopUps;

/// <summary>How a top-up desk matches its books' asks with their offers.</summary>
public sealed class TopUpBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static TopUpOffer Offer(string vault, ulong amount, int second = 0, string asset = "WETH") => new($"p/local-a/{vault}", asset, amount, T0.AddSeconds(second));

    private static TopUpAsk Ask(string vault, ulong amount, double hf, long number = 0, string asset = "WETH") => new($"p/local-a/{vault}", asset, amount, hf, number);

    [Fact]
    public void MatchAll_TwoAsksAndTwoOffers_ServesTheLowestHealthFactorFirstFromTheLargestOffer()
    {
        var book = new TopUpBook();
        book.Offer(Offer("small", 30));
        book.Offer(Offer("large", 100));
        book.Ask(Ask("safer", 80, 1.2, number: 4));
        book.Ask(Ask("urgent", 90, 0.9, number: 7));

        var orders = book.MatchAll();

        // urgent (0.9) takes 90 of large's 100; safer (1.2) gets small's 30 (the larger offer now) and large's last 10.
        Assert.Equal(
            [
                new TopUpOrder("topup:p/local-a/urgent:7:0", "p/local-a/large", "p/local-a/urgent", "WETH", 90),
                new TopUpOrder("topup:p/local-a/safer:4:0", "p/local-a/small", "p/local-a/safer", "WETH", 30),
                new TopUpOrder("topup:p/local-a/safer:4:1", "p/local-a/large", "p/local-a/safer", "WETH", 10),
            ],
            orders);
        Assert.Equal((0, 0), (book.Offers, book.Asks));
    }

    [Fact]
    public void MatchAll_TheSameOffersAndAsksInAnotherOrder_MatchesTheSame()
    {
        var offers = new[] { Offer("a", 50), Offer("b", 50), Offer("c", 20) };
        var asks = new[] { Ask("x", 60, 1.1), Ask("y", 60, 1.1), Ask("z", 10, 1.0) };
        var one = new TopUpBook();
        var two = new TopUpBook();
        foreach (var o in offers)
        {
            one.Offer(o);
        }

        foreach (var a in asks)
        {
            one.Ask(a);
        }

        foreach (var a in asks.Reverse())
        {
            two.Ask(a);
        }

        foreach (var o in offers.Reverse())
        {
            two.Offer(o);
        }

        Assert.Equal(one.MatchAll(), two.MatchAll());
    }

    [Fact]
    public void Match_AnAskLargerThanEveryOffer_IsSplitBetweenAtMostFourGiversAndNeverPromisesMoreThanOffered()
    {
        var book = new TopUpBook();
        for (var i = 0; i < 6; i++)
        {
            book.Offer(Offer($"g{i}", 10 + (ulong)i));
        }

        var orders = book.Match(Ask("t", 1_000, 0.8));

        Assert.Equal(TopUpBook.MaxGiversPerAsk, orders.Count);
        Assert.Equal(["p/local-a/g5", "p/local-a/g4", "p/local-a/g3", "p/local-a/g2"], orders.Select(o => o.From));
        Assert.Equal((UInt128)(15 + 14 + 13 + 12), orders.Aggregate(UInt128.Zero, (sum, o) => sum + o.Amount));
        Assert.Equal(2, book.Offers); // g0 and g1 are left, whole
    }

    [Fact]
    public void Match_OffersOfAnotherAsset_AreNotUsed()
    {
        var book = new TopUpBook();
        book.Offer(Offer("usdc", 1_000, asset: "USDC"));

        Assert.Empty(book.Match(Ask("t", 10, 1.0)));
        Assert.Equal(1, book.Offers);
    }

    [Fact]
    public void Offer_ZeroOrAnAsk_WithdrawsTheOfferAndAnOlderOfferIsIgnored()
    {
        var book = new TopUpBook();
        book.Offer(Offer("g", 100, second: 10));
        book.Offer(Offer("g", 500, second: 5)); // older: ignored

        var order = Assert.Single(book.Match(Ask("t", 1_000, 1.0)));
        Assert.Equal((UInt128)100, order.Amount);

        book.Offer(Offer("h", 100, second: 20));
        book.Offer(Offer("h", 0, second: 21));
        Assert.Equal(0, book.Offers);

        book.Offer(Offer("k", 100, second: 30));
        book.Ask(Ask("k", 50, 1.1)); // a book that asks has nothing to offer
        Assert.Equal((0, 1), (book.Offers, book.Asks));
        Assert.Empty(book.MatchAll());
    }

    [Fact]
    public void Match_AnAskerWithAnOldOffer_IsNeverItsOwnGiver()
    {
        var book = new TopUpBook();
        book.Offer(Offer("t", 100));
        book.Offer(Offer("g", 40));

        var order = Assert.Single(book.Match(Ask("t", 60, 1.0)));

        Assert.Equal(("p/local-a/g", (UInt128)40), (order.From, order.Amount));
    }

    [Fact]
    public void Match_GiversTheDeskRests_AreLeftOutAndKeepTheirOffers()
    {
        var book = new TopUpBook();
        book.Offer(Offer("resting", 100));
        book.Offer(Offer("g", 40));

        var order = Assert.Single(book.Match(Ask("t", 60, 1.0), giver => giver != "p/local-a/resting"));

        Assert.Equal(("p/local-a/g", (UInt128)40), (order.From, order.Amount));
        Assert.Equal(1, book.Offers); // resting's offer stays for a later ask
    }

    [Theory]
    [InlineData("p/local-a/acct-1", 0L, 0)]
    [InlineData("p/local-a", 123456789012L, 3)]
    public void Id_TheReceiverItNames_IsReadBack(string recipient, long ask, int order)
    {
        var id = TopUpOperations.Id(recipient, ask, order);

        Assert.True(TopUpOperations.TryRecipient(id, out var read));
        Assert.Equal(recipient, read);
    }

    [Theory]
    [InlineData("topup:")]
    [InlineData("topup:p/local-a/x")]
    [InlineData("topup:p/local-a/x:1")]
    [InlineData("topup:p/local-a/x:one:0")]
    [InlineData("topup::1:0")]
    [InlineData("transfer:p/local-a/x:1:0")]
    [InlineData("dep")]
    public void TryRecipient_AnIdNotATopUps_IsNotRead(string id) =>
        Assert.False(TopUpOperations.TryRecipient(id, out _));
}
