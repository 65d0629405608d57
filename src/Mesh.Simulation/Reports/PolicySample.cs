namespace Mesh.Simulation.Reports;

/// <summary>One sample of a policy run's time series.</summary>
/// <param name="Offset">Time since the scenario's start.</param>
/// <param name="MarketPrice">The venue's mid price then (after the mesh's own impact), whole quote units.</param>
/// <param name="ExogenousPrice">The scenario's price then, whole quote units.</param>
/// <param name="ValueInFlightUsd">The notional of sales granted and not yet settled, whole USD.</param>
/// <param name="VaultsBelowOne">How many vaults had a health factor below 1.</param>
/// <param name="QueuedRequests">How many rebalancing requests waited for capacity.</param>
public sealed record PolicySample(
    TimeSpan Offset,
    decimal MarketPrice,
    decimal ExogenousPrice,
    decimal ValueInFlightUsd,
    int VaultsBelowOne,
    int QueuedRequests);
