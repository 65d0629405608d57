using FsCheck;
using FsCheck.Fluent;
using Mesh.Grains.Oracles;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Invariants of the aggregate under one manipulated source.</summary>
public sealed class OracleAggregatorPropertyTests
{
    private static readonly Gen<long> AnyPrice =
        from high in Gen.Choose(0, 1_000_000)
        from low in Gen.Choose(1, 1_000_000)
        select (high * 1_000_000L) + low;

    [Fact]
    public void Aggregate_OneManipulatedSourceAnyValues_ValidAggregateWithinHonestRange()
    {
        // Quorum 3 (the default): whatever the honest sources say and wherever the manipulated one puts its price.
        var fresh = 0;
        var gen = from n in Gen.Choose(3, 7)
                  from honest in AnyPrice.ArrayOf(n - 1)
                  from bad in AnyPrice
                  from position in Gen.Choose(0, n - 1)
                  select (Honest: honest, Bad: bad, Position: position);
        Prop.ForAll(gen.ToArbitrary(), x =>
            {
                var prices = x.Honest.ToList();
                prices.Insert(x.Position, x.Bad);
                var snapshot = FeedMantissas(new OracleAggregator(Options(prices.Count), new OracleState()), Start, prices);
                if (!snapshot.IsFresh)
                {
                    return true;
                }

                fresh++;
                var price = snapshot.Price!.Value.Mantissa;
                return price >= x.Honest.Min() && price <= x.Honest.Max();
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

        Assert.True(fresh > 500, $"Only {fresh} of 2000 cases had a valid aggregate.");
    }

    [Fact]
    public void Aggregate_HonestAgreeAndOneFarOff_FreshOutlierRejectedPriceWithinHonestRange()
    {
        var gen = from n in Gen.Choose(4, 7)
                  from truth in Gen.Choose(1_000, 10_000_000)
                  from spreads in Gen.Choose(-20, 20).ArrayOf(n - 1)
                  from up in Gen.Elements(true, false)
                  from away in up ? Gen.Choose(10, 10_000) : Gen.Choose(10, 95)
                  from position in Gen.Choose(0, n - 1)
                  select (Truth: truth * 100_000_000L, Spreads: spreads, Away: away, Up: up, Position: position);
        Prop.ForAll(gen.ToArbitrary(), x =>
            {
                // Honest within ±0.2% of the truth; the manipulated source at least 10% away.
                var honest = x.Spreads.Select(s => x.Truth + (x.Truth / 10_000 * s)).ToArray();
                var bad = x.Up ? x.Truth + (x.Truth / 100 * x.Away) : x.Truth - (x.Truth / 100 * x.Away);
                var prices = honest.ToList();
                prices.Insert(x.Position, bad);
                var snapshot = FeedMantissas(new OracleAggregator(Options(prices.Count), new OracleState()), Start, prices);
                var price = snapshot.Price!.Value.Mantissa;
                return snapshot.IsFresh
                    && snapshot.Rejected.Single().Source == Name(x.Position)
                    && snapshot.Rejected.Single().Reason == OracleRejectionReason.Outlier
                    && price >= honest.Min() && price <= honest.Max();
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Aggregate_ObservationOrder_DoesNotChangeTheAggregate()
    {
        var gen = from prices in AnyPrice.ArrayOf(5)
                  from order in Gen.Shuffle(Enumerable.Range(0, 5))
                  select (Prices: prices, Order: order);
        Prop.ForAll(gen.ToArbitrary(), x =>
            {
                var inOrder = new OracleAggregator(Options(5), new OracleState());
                var shuffled = new OracleAggregator(Options(5), new OracleState());
                for (var i = 0; i < 5; i++)
                {
                    inOrder.Observe(new OracleObservation(Name(i), new OraclePrice(x.Prices[i], 8), Start), Start);
                    var j = x.Order[i];
                    shuffled.Observe(new OracleObservation(Name(j), new OraclePrice(x.Prices[j], 8), Start), Start);
                }

                var a = inOrder.Aggregate(Start);
                var b = shuffled.Aggregate(Start);
                return a.Status == b.Status && a.Price == b.Price && a.SourcesUsed.SequenceEqual(b.SourcesUsed);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
