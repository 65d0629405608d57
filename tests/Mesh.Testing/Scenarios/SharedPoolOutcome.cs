using System.Text.Json;

namespace Mesh.Testing.Scenarios;

/// <summary>What a run of the shared-pool scenario saw.</summary>
/// <param name="Reported">Each borrower's health as its exposure report answered it.</param>
/// <param name="BeforeShock">Each borrower's health after the batch, WETH at 2,000.</param>
/// <param name="AfterShock">Each borrower's health once valued at the shocked price.</param>
/// <param name="Batch">The batch's first attempts.</param>
public sealed record SharedPoolOutcome(
    IReadOnlyDictionary<string, JsonElement> Reported,
    IReadOnlyDictionary<string, JsonElement> BeforeShock,
    IReadOnlyDictionary<string, JsonElement> AfterShock,
    IReadOnlyList<BatchAttempt> Batch);
