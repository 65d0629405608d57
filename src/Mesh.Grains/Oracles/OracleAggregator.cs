using System.Globalization;

namespace Mesh.Grains.Oracles;

/// <summary>
/// One asset's oracle logic over its persisted <see cref="OracleState"/>: accepts observations from configured
/// sources, aggregates the median of the fresh, non-outlier ones under a quorum, runs the circuit breaker and the
/// volatility estimates. Pure: time comes in as arguments, nothing is awaited. Not thread-safe (one grain turn).
/// </summary>
/// <remarks>
/// A failed <see cref="Observe"/> throws a <see cref="Mesh.Errors.MeshException"/> and changes nothing.
/// <see cref="Aggregate"/> changes the round, breaker and volatility history; persist the state after it.
/// Time that runs backwards (a clock behind the one of an earlier activation) is treated as the latest time seen.
/// </remarks>
internal sealed partial class OracleAggregator
{
    private readonly OracleOptions _options;
    private readonly Dictionary<string, OracleSourceOptions> _sources;
    private readonly OracleCircuitBreaker _breaker;
    private readonly OracleVolatilityTracker _volatility;

    /// <summary>Initializes a new instance of the <see cref="OracleAggregator"/> class.</summary>
    /// <param name="options">The asset's settings; validated here.</param>
    /// <param name="state">The persisted state (new for a new asset); changed in place.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="InvalidOperationException">The state was recorded with other decimals.</exception>
    public OracleAggregator(OracleOptions options, OracleState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        options.Validate();
        if ((state.Sources.Count > 0 || state.RoundId > 0) && state.Decimals != options.Decimals)
        {
            throw new InvalidOperationException($"The oracle state holds prices with {state.Decimals} decimals; {nameof(OracleOptions)}.{nameof(OracleOptions.Decimals)} is {options.Decimals}.");
        }

        state.Decimals = options.Decimals;
        _options = options;
        State = state;
        _sources = options.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _breaker = new OracleCircuitBreaker(options, state.Breaker);
        _volatility = new OracleVolatilityTracker(options, state.Volatility);
    }

    /// <summary>Gets the state this aggregator reads and changes.</summary>
    public OracleState State { get; }

    /// <summary>Computes the aggregate at <paramref name="now"/>, starting a new round when it changed.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The snapshot.</returns>
    public OracleSnapshot Aggregate(DateTimeOffset now)
    {
        now = Monotonic(now);
        State.LastAggregatedAt = now;
        _breaker.Expire(now);
        var (fresh, rejected) = Fresh(now);
        List<(string Source, long Price)> kept = [];
        if (fresh.Count > 0)
        {
            (kept, var outliers) = OracleMedian.Filter(fresh, _options.OutlierMadMultiple, _options.OutlierMinDeviation);
            rejected.AddRange(outliers);
        }

        var quorum = kept.Count >= _options.MinSources;
        if (quorum)
        {
            var price = OracleMedian.Median(kept.Select(k => k.Price).ToArray());
            var names = kept.Select(k => k.Source).Order(StringComparer.Ordinal).ToList();
            if (State.RoundId == 0 || State.ObservedSinceRound || price != State.Price || !names.SequenceEqual(State.RoundSources, StringComparer.Ordinal))
            {
                State.RoundId++;
                State.Price = price;
                State.UpdatedAt = now;
                State.RoundSources = names;
                State.ObservedSinceRound = false;
            }

            _breaker.Record(price, now);
            _volatility.Record(price, now);
        }

        return new OracleSnapshot(
            State.RoundId,
            State.RoundId > 0 ? new OraclePrice(State.Price, State.Decimals) : null,
            quorum ? OracleFeedStatus.Fresh : OracleFeedStatus.NoQuorum,
            now,
            State.UpdatedAt,
            quorum ? kept.Min(k => State.Sources[k.Source].ObservedAt) : null,
            quorum ? State.RoundSources : [],
            rejected,
            _breaker.Snapshot(),
            _volatility.Snapshot());
    }

    private (List<(string Source, long Price)> Fresh, List<OracleRejection> Rejected) Fresh(DateTimeOffset now)
    {
        var fresh = new List<(string Source, long Price)>();
        var rejected = new List<OracleRejection>();
        foreach (var source in _options.Sources)
        {
            if (!State.Sources.TryGetValue(source.Name, out var latest))
            {
                rejected.Add(new OracleRejection(source.Name, OracleRejectionReason.Stale, "No observation yet."));
            }
            else if (now - latest.ObservedAt > source.Heartbeat)
            {
                var detail = string.Create(CultureInfo.InvariantCulture, $"Observed {now - latest.ObservedAt} ago; the heartbeat is {source.Heartbeat}.");
                rejected.Add(new OracleRejection(source.Name, OracleRejectionReason.Stale, detail));
            }
            else
            {
                fresh.Add((source.Name, latest.Price));
            }
        }

        return (fresh, rejected);
    }

    private DateTimeOffset Monotonic(DateTimeOffset now) =>
        State.LastAggregatedAt is { } last && last > now ? last : now;
}
