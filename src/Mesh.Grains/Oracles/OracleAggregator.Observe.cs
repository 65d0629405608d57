namespace Mesh.Grains.Oracles;

/// <content>Accepting one untrusted observation.</content>
internal sealed partial class OracleAggregator
{
    /// <summary>
    /// Validates and records a source's observation as its latest. It counts in aggregates while it is fresh.
    /// </summary>
    /// <param name="observation">The untrusted observation.</param>
    /// <param name="now">The current time.</param>
    /// <exception cref="Mesh.Errors.MeshException">
    /// The observation is refused (nothing changed): <c>oracle.source_required</c>, <c>oracle.unknown_source</c>
    /// (forbidden), <c>oracle.decimals_out_of_range</c>, <c>oracle.price_out_of_range</c>,
    /// <c>oracle.price_not_positive</c>, <c>oracle.timestamp_in_future</c>, <c>oracle.observation_stale</c> or
    /// <c>oracle.observation_older_than_latest</c> (refused).
    /// </exception>
    public void Observe(OracleObservation observation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observation);
        now = Monotonic(now);
        if (string.IsNullOrWhiteSpace(observation.Source))
        {
            throw OracleErrors.Invalid("source", OracleErrors.SourceRequired, "The observation names no source.");
        }

        if (!_sources.TryGetValue(observation.Source, out var source))
        {
            throw OracleErrors.Forbidden("source", OracleErrors.UnknownSource, $"'{observation.Source}' is not a source of this asset.");
        }

        if (!observation.Price.IsPositive)
        {
            throw OracleErrors.Invalid("price", OracleErrors.PriceNotPositive, $"The price {observation.Price.Mantissa} must be positive.");
        }

        var price = observation.Price.Rescale(_options.Decimals);
        if (!price.IsPositive)
        {
            throw OracleErrors.Invalid("price", OracleErrors.PriceNotPositive, $"The price {observation.Price} rounds to zero at {_options.Decimals} decimals.");
        }

        if (observation.ObservedAt > now + _options.MaxClockSkew)
        {
            throw OracleErrors.Invalid("observedAt", OracleErrors.TimestampInFuture, $"The observation time {observation.ObservedAt:O} is after now ({now:O}) by more than {_options.MaxClockSkew}.");
        }

        if (now - observation.ObservedAt > source.Heartbeat)
        {
            throw OracleErrors.Refused("observedAt", OracleErrors.ObservationStale, $"The observation is {now - observation.ObservedAt} old; the heartbeat of '{source.Name}' is {source.Heartbeat}.");
        }

        if (State.Sources.TryGetValue(source.Name, out var latest) && observation.ObservedAt <= latest.ObservedAt)
        {
            throw OracleErrors.Refused("observedAt", OracleErrors.ObservationOlderThanLatest, $"The observation time {observation.ObservedAt:O} is not after the latest of '{source.Name}' ({latest.ObservedAt:O}).");
        }

        State.Sources[source.Name] = new OracleSourceState { Price = price.Mantissa, ObservedAt = observation.ObservedAt, ReceivedAt = now };
        State.ObservedSinceRound = true;
    }
}
