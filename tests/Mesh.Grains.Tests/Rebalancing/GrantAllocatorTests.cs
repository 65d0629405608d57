using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>Worked examples of one allocation round: the strict dust rule, order, and the max-min fair share.</summary>
public sealed class GrantAllocatorTests
{
    private static readonly AllocationRules Fcfs = new(Dust: 0, ByUrgency: false, LiquidationsFirst: false, FairShare: false);
    private static readonly AllocationRules Urgent = new(Dust: 0, ByUrgency: true, LiquidationsFirst: true, FairShare: false);
    private static readonly AllocationRules UrgentFair = new(Dust: 0, ByUrgency: true, LiquidationsFirst: true, FairShare: true);

    [Theory]
    // Fits: all of it.
    [InlineData(200, 500, 10, 200, "Full")]
    // Room short, remainder 300 ≥ dust: the room.
    [InlineData(800, 500, 10, 500, "Partial")]
    // Maker would grant all 504 (remainder 4 < dust) and overshoot the room by 4; strict: 490, leaving exactly 14 ≥ dust.
    [InlineData(504, 500, 10, 490, "Partial")]
    // Remainder below dust and the room less than twice dust: nothing rather than a grant or a remainder below dust.
    [InlineData(24, 15, 10, 0, "RefusedNoRoom")]
    // Room below dust: nothing.
    [InlineData(50, 9, 10, 0, "RefusedNoRoom")]
    // A request below dust that fits goes whole (the vault's last bit).
    [InlineData(3, 500, 10, 3, "Full")]
    public void Decide_StrictDustRule_WorkedExamples(long requested, long room, long dust, long granted, string outcome)
    {
        var sut = GrantAllocator.Decide((UInt128)requested, (UInt128)room, (UInt128)dust);

        Assert.Equal(((UInt128)granted, Enum.Parse<SaleOutcome>(outcome)), (sut.Granted, sut.Outcome));
    }

    [Fact]
    public void Allocate_FirstComeFirstServed_GrantsInArrivalOrderWithAPartialAtTheEdge()
    {
        var candidates = new[] { C("c", "p", 40, 0.5, seq: 3), C("a", "p", 40, 1.5, seq: 1), C("b", "p", 40, 1.2, seq: 2) };

        var sut = GrantAllocator.Allocate(candidates, 100, Fcfs);

        Assert.Equal([("a", (UInt128)40), ("b", (UInt128)40), ("c", (UInt128)20)], sut.Select(g => (g.RequestId, g.Granted)));
        Assert.Equal(SaleOutcome.Partial, sut[2].Outcome);
    }

    [Fact]
    public void Allocate_ByUrgency_LowestHealthFactorFirstAndLiquidationsBeforeDeleveraging()
    {
        var candidates = new[]
        {
            C("delever-1.05", "p", 10, 1.05, seq: 1),
            C("liq-0.9", "p", 10, 0.9, liquidation: true, seq: 2),
            C("liq-0.5", "p", 10, 0.5, liquidation: true, seq: 3),
            C("delever-1.2", "p", 10, 1.2, seq: 4),
            C("delever-1.01", "p", 10, 1.01, seq: 5),
        };

        var sut = GrantAllocator.Allocate(candidates, 30, Urgent);

        Assert.Equal(["liq-0.5", "liq-0.9", "delever-1.01"], sut.Select(g => g.RequestId));
    }

    [Fact]
    public void Allocate_EqualHealthFactor_LiquidationFirstThenArrival()
    {
        var rules = Urgent with { LiquidationsFirst = false };
        var candidates = new[] { C("late", "p", 10, 1.0, seq: 9), C("delever", "p", 10, 1.0, seq: 1), C("liq", "p", 10, 1.0, liquidation: true, seq: 5) };

        var sut = GrantAllocator.Allocate(candidates, 20, rules);

        Assert.Equal(["liq", "delever"], sut.Select(g => g.RequestId));
    }

    [Fact]
    public void Allocate_FairShare_OneProtocolWith900RequestsGetsOneFifthWhileFourOthersWait()
    {
        var candidates = Requests("big", 900, 10).Concat(Enumerable.Range(0, 4).SelectMany(p => Requests($"small-{p}", 25, 10))).ToList();

        var sut = GrantAllocator.Allocate(candidates, 1_000, UrgentFair);

        var byProtocol = sut.GroupBy(g => g.RequestId.Split('#')[0]).ToDictionary(g => g.Key, g => g.Aggregate(UInt128.Zero, (s, x) => s + x.Granted));
        Assert.Equal((UInt128)200, byProtocol["big"]);
        Assert.All(Enumerable.Range(0, 4), p => Assert.Equal((UInt128)200, byProtocol[$"small-{p}"]));
    }

    [Fact]
    public void Allocate_FairShare_UnusedShareGoesToTheOthers()
    {
        // Room 1,000 over three protocols: "tiny" asks for 50 only, so the other two share the remaining 950.
        var candidates = Requests("tiny", 5, 10).Concat(Requests("a", 100, 10)).Concat(Requests("b", 100, 10)).ToList();

        var sut = GrantAllocator.Allocate(candidates, 1_000, UrgentFair);

        var byProtocol = sut.GroupBy(g => g.RequestId.Split('#')[0]).ToDictionary(g => g.Key, g => g.Aggregate(UInt128.Zero, (s, x) => s + x.Granted));
        Assert.Equal((UInt128)50, byProtocol["tiny"]);
        Assert.Equal((UInt128)475, byProtocol["a"]);
        Assert.Equal((UInt128)475, byProtocol["b"]);
        Assert.Equal((UInt128)1_000, byProtocol.Values.Aggregate(UInt128.Zero, (s, x) => s + x));
    }

    [Fact]
    public void Allocate_FairShare_WithinAProtocolMostUrgentFirst()
    {
        var candidates = new[] { C("p#calm", "p", 10, 1.4, seq: 1), C("p#urgent", "p", 10, 1.02, seq: 2), C("q#x", "q", 10, 1.3, seq: 3), C("q#y", "q", 10, 1.1, seq: 4) };

        var sut = GrantAllocator.Allocate(candidates, 20, UrgentFair);

        Assert.Equal(["p#urgent", "q#y"], sut.Select(g => g.RequestId).Order());
    }

    [Fact]
    public void Allocate_FairSharesBelowDust_StillGrantsTheProtocolGrantedLeast()
    {
        // Room 30, dust 10, five protocols: an equal share (6) is below dust; grants still go out, one protocol at a time.
        var candidates = Enumerable.Range(0, 5).Select(p => C($"p{p}#0", $"p{p}", 10, 1.1 + (p / 100.0), seq: p)).ToList();

        var sut = GrantAllocator.Allocate(candidates, 30, UrgentFair with { Dust = 10 });

        Assert.Equal(3, sut.Count);
        Assert.Equal(3, sut.Select(g => g.RequestId.Split('#')[0]).Distinct().Count());
    }

    [Fact]
    public void WaterFill_IsMaxMinFair()
    {
        var sut = GrantAllocator.WaterFill(100, [(UInt128)10, (UInt128)500, (UInt128)40, (UInt128)500]);

        Assert.Equal([(UInt128)10, (UInt128)30, (UInt128)30, (UInt128)30], sut);
    }

    internal static AllocationCandidate C(string id, string protocol, long quantity, double hf, bool liquidation = false, long seq = 0) =>
        new(id, protocol, (UInt128)quantity, hf, liquidation, seq);

    private static IEnumerable<AllocationCandidate> Requests(string protocol, int count, long quantity) =>
        Enumerable.Range(0, count).Select(i => C($"{protocol}#{i}", protocol, quantity, 1.0 + (i / 10_000.0), seq: i));
}
