namespace Mesh.Silo.Simulation;

/// <summary>A world at one step of the scenario.</summary>
/// <param name="Offset">Time since the scenario's start.</param>
/// <param name="Fundamental">The scenario's price.</param>
/// <param name="Mid">The traded price after the step's sales.</param>
/// <param name="SoldUsd">What the step's sales fetched (their value in flight during the step), USD.</param>
/// <param name="InFlightUsd">What the coordinator had granted and not yet seen completed at the step's end, USD.</param>
/// <param name="Queued">Requests waiting for room at the step's end.</param>
/// <param name="BelowOne">Vaults with a health factor below 1 (sampled once a minute; null between samples).</param>
/// <param name="PerpDiscount">How far below spot the perp book sat at the step's end, a share of spot (<see cref="Mesh.Grains.Markets.SimulatedPerpVenue.Discount"/>); null when the policy does not hedge.</param>
internal sealed record WorldSample(TimeSpan Offset, decimal Fundamental, decimal Mid, decimal SoldUsd, decimal InFlightUsd, int Queued, int? BelowOne, double? PerpDiscount);
