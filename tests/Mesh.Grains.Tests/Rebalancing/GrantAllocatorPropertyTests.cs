using FsCheck;
using FsCheck.Fluent;
using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>Invariants of one allocation round over random candidates, rooms, dust and rules.</summary>
public sealed class GrantAllocatorPropertyTests
{
    private static readonly Gen<AllocationCandidate> CandidateGen =
        from protocol in Gen.Choose(0, 4)
        from quantity in Gen.Choose(1, 500)
        from hf in Gen.Choose(0, 300)
        from liquidation in Gen.Elements(true, false)
        select new AllocationCandidate("", $"p{protocol}", (UInt128)quantity, hf / 100.0, liquidation, 0);

    private static readonly Gen<(List<AllocationCandidate> Candidates, UInt128 Room, AllocationRules Rules)> RoundGen =
        from candidates in Gen.ListOf(CandidateGen).Resize(80)
        from room in Gen.Choose(0, 20_000)
        from dust in Gen.Choose(0, 60)
        from byUrgency in Gen.Elements(true, false)
        from liquidationsFirst in Gen.Elements(true, false)
        from fair in Gen.Elements(true, false)
        select (candidates.Select((c, i) => c with { RequestId = $"r{i}", Sequence = i }).ToList(), (UInt128)room, new AllocationRules((UInt128)dust, byUrgency, liquidationsFirst, fair));

    [Fact]
    public void Allocate_NeverExceedsTheRoomNorGrantsDustNorLeavesDust()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(RoundGen.ToArbitrary(), round =>
        {
            var sut = GrantAllocator.Allocate(round.Candidates, round.Room, round.Rules);

            var byId = round.Candidates.ToDictionary(c => c.RequestId);
            Assert.True(sut.Aggregate(UInt128.Zero, (s, g) => s + g.Granted) <= round.Room);
            Assert.Equal(sut.Count, sut.Select(g => g.RequestId).Distinct().Count());
            foreach (var grant in sut)
            {
                var asked = byId[grant.RequestId].Quantity;
                Assert.True(grant.Granted > UInt128.Zero && grant.Granted <= asked);
                Assert.True(grant.Granted == asked || (grant.Granted >= round.Rules.Dust && asked - grant.Granted >= round.Rules.Dust), $"{grant} of {asked}, dust {round.Rules.Dust}");
            }

            return true;
        }));
    }

    [Fact]
    public void Allocate_ByUrgencyEqualSizes_GrantsExactlyTheMostUrgent()
    {
        var gen = from round in RoundGen from size in Gen.Choose(1, 100) select (round.Candidates.Select(c => c with { Quantity = (UInt128)size }).ToList(), round.Room, round.Rules with { ByUrgency = true, FairShare = false, Dust = UInt128.Min(round.Rules.Dust, (UInt128)size) });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), round =>
        {
            var (candidates, room, rules) = round;
            var sut = GrantAllocator.Allocate(candidates, room, rules);

            // Nobody waits while someone less urgent is granted anything.
            var order = candidates.Order(GrantAllocator.Comparer(rules)).Select(c => c.RequestId).ToList();
            var granted = sut.Select(g => order.IndexOf(g.RequestId)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, granted.Count), granted);
            return true;
        }));
    }

    [Fact]
    public void Allocate_FairShare_NoProtocolGetsMoreThanAWaitingOneBeyondOneRequestAndDustSlack()
    {
        var gen = from round in RoundGen select (round.Candidates.Select(c => c with { Liquidation = false }).ToList(), round.Room, round.Rules with { ByUrgency = true, FairShare = true });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), round =>
        {
            var (candidates, room, rules) = round;
            var sut = GrantAllocator.Allocate(candidates, room, rules);

            var grantedIds = sut.Select(g => g.RequestId).ToHashSet();
            var got = candidates.GroupBy(c => c.ProtocolId).ToDictionary(g => g.Key, g => sut.Where(s => g.Any(c => c.RequestId == s.RequestId)).Aggregate(UInt128.Zero, (s, x) => s + x.Granted));
            var waiting = candidates.Where(c => !grantedIds.Contains(c.RequestId)).Select(c => c.ProtocolId).ToHashSet();
            var slack = candidates.Select(c => c.Quantity).DefaultIfEmpty(UInt128.Zero).Max() + (2 * rules.Dust * (UInt128)(ulong)got.Count);
            foreach (var waiter in waiting)
            {
                Assert.All(got, other => Assert.True(other.Value <= got[waiter] + slack, $"{other.Key} got {other.Value} while {waiter} waits with {got[waiter]}; room {room} dust {rules.Dust}\n"
                    + string.Join("\n", candidates.Select(c => $"{c.RequestId} {c.ProtocolId} {c.Quantity} {c.HealthFactor} -> {sut.FirstOrDefault(g => g.RequestId == c.RequestId).Granted}"))));
            }

            return true;
        }));
    }
}
