namespace Mesh.Audit;

/// <summary>What the conservation audit found.</summary>
/// <param name="CheckedAt">When the audit started.</param>
/// <param name="Balanced">Whether every asset on every chain and every pool balances to the base unit.</param>
/// <param name="Protocols">How many protocols were walked.</param>
/// <param name="Vaults">How many vaults were read.</param>
/// <param name="Assets">Per asset.</param>
/// <param name="InFlight">The operations in flight and how each was counted.</param>
/// <remarks>
/// The reads are not one atomic snapshot: an operation that completes between the read of a vault and the read of
/// its chain or pool can show as a transient difference. Audit again once it settles; a difference that stays is real.
/// </remarks>
[GenerateSerializer]
[Alias("mesh.audit.report")]
public sealed record ConservationReport(
    [property: Id(0)] DateTimeOffset CheckedAt,
    [property: Id(1)] bool Balanced,
    [property: Id(2)] int Protocols,
    [property: Id(3)] int Vaults,
    [property: Id(4)] IReadOnlyList<AssetConservation> Assets,
    [property: Id(5)] IReadOnlyList<InFlightOperation> InFlight);
