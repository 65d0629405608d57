using Mesh.Grains.Oracles;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Options, prices and feeding helpers shared by the oracle tests.</summary>
internal static class OracleTestData
{
    internal static readonly DateTimeOffset Start = new(2026, 3, 12, 0, 0, 0, TimeSpan.Zero);

    internal static OracleOptions Options(int sources, int minSources = 3, TimeSpan? heartbeat = null) => new()
    {
        Sources = [.. Enumerable.Range(0, sources).Select(i => new OracleSourceOptions { Name = Name(i), Heartbeat = heartbeat ?? TimeSpan.FromMinutes(1) })],
        MinSources = Math.Min(minSources, sources),
    };

    internal static string Name(int index) => $"s{index}";

    internal static OraclePrice Price(decimal value) => OraclePrice.FromDecimal(value, 8);

    /// <summary>Every source i observes <paramref name="prices"/>[i] at <paramref name="now"/>, then an aggregate.</summary>
    internal static OracleSnapshot Feed(OracleAggregator sut, DateTimeOffset now, params decimal[] prices)
    {
        for (var i = 0; i < prices.Length; i++)
        {
            sut.Observe(new OracleObservation(Name(i), Price(prices[i]), now), now);
        }

        return sut.Aggregate(now);
    }

    /// <summary>Every source i observes the mantissa <paramref name="mantissas"/>[i], then an aggregate.</summary>
    internal static OracleSnapshot FeedMantissas(OracleAggregator sut, DateTimeOffset now, IReadOnlyList<long> mantissas)
    {
        for (var i = 0; i < mantissas.Count; i++)
        {
            sut.Observe(new OracleObservation(Name(i), new OraclePrice(mantissas[i], 8), now), now);
        }

        return sut.Aggregate(now);
    }
}
