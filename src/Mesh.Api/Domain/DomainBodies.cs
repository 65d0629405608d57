using Mesh.Api.Json;
using Mesh.Protocols;
using Mesh.Vaults;

namespace Mesh.Api.Domain;

/// <summary>A protocol's request to join.</summary>
/// <param name="ProtocolId">The id it asks for: 2–32 lower-case letters, digits and inner hyphens.</param>
/// <param name="Name">Display name.</param>
/// <param name="Chains">The chains it will hold vaults on.</param>
/// <param name="Contact">An e-mail address or https URL.</param>
/// <param name="RequestedTier">The risk tier it asks for.</param>
/// <param name="Account">Its EVM account: deposits come from it, withdrawals go only to it.</param>
public sealed record JoinBody(string ProtocolId, string Name, IReadOnlyList<string> Chains, string Contact, RiskTier RequestedTier, string Account);

/// <summary>The answer to a join or an approval: the protocol, and its API key when it became active (shown once).</summary>
/// <param name="Protocol">The protocol.</param>
/// <param name="ApiKey">The protocol's new key, or null while it waits for an operator.</param>
public sealed record AdmissionResponse(ProtocolView Protocol, string? ApiKey);

/// <summary>An operator's approval.</summary>
/// <param name="Tier">The tier to grant; null grants the requested one.</param>
public sealed record ApproveBody(RiskTier? Tier = null);

/// <summary>An operator's reason for a rejection or suspension.</summary>
/// <param name="Reason">Why, 1–500 characters.</param>
public sealed record ReasonBody(string Reason);

/// <summary>A value movement on a vault.</summary>
/// <param name="Asset">A token symbol of the vault's chain.</param>
/// <param name="Amount">Base units, as a string of digits (shares for a redemption).</param>
public sealed record MovementBody(string Asset, Amount Amount);

/// <summary>A vault's whole book of exposures.</summary>
/// <param name="Exposures">Every open position; an empty list closes them all.</param>
public sealed record ExposuresBody(IReadOnlyList<Exposure> Exposures);

/// <summary>A feeder's observation; the source is the feeder key's principal.</summary>
/// <param name="Price">USD price (a JSON number, at most 8 decimals).</param>
/// <param name="ObservedAt">When the source observed it (ISO 8601).</param>
public sealed record ObservationBody(decimal Price, DateTimeOffset ObservedAt);

/// <summary>An operator's new limits for a pool (shares as JSON numbers, amounts as strings of base units; a cap of "0" allows no credit).</summary>
/// <param name="UtilizationCap">The most the pool may lend as a share of its assets, in (0, 1].</param>
/// <param name="DefaultRiskFactorCap">The caps of a factor without its own; null (explicitly) refuses credit against unconfigured factors.</param>
/// <param name="DefaultProtocolCap">The credit cap of a protocol without its own; absent or null for none.</param>
/// <param name="ProtocolCaps">Credit caps per protocol id.</param>
/// <param name="RiskFactorCaps">Caps per risk factor (<c>chain:NAME</c>, <c>underlying:ASSET</c>).</param>
public sealed record LimitsBody(
    decimal UtilizationCap,
    RiskFactorBody? DefaultRiskFactorCap,
    UInt128? DefaultProtocolCap = null,
    IReadOnlyDictionary<string, UInt128>? ProtocolCaps = null,
    IReadOnlyDictionary<string, RiskFactorBody>? RiskFactorCaps = null);

/// <summary>The caps on one risk factor.</summary>
/// <param name="Absolute">The most credit, in base units.</param>
/// <param name="Relative">The most credit as a share of the pool's assets, in [0, 1].</param>
public sealed record RiskFactorBody(UInt128 Absolute, decimal Relative);

/// <summary>How a vault rebalances by itself (every field required).</summary>
/// <param name="AutoSell">Below its band the vault sells collateral under its market coordinator's grants (refused, 422 <c>rebalancing.no_venue</c>, where the mesh has no market venue).</param>
/// <param name="Predictive">The vault shifts toward stable assets on the oracle's forecast regime.</param>
/// <param name="Hedge">The vault keeps its net delta in the band by trading perps under the coordinator's budget (refused, 422 <c>rebalancing.no_perp_venue</c>, where the mesh has no perp venue).</param>
public sealed record RebalancingBody(bool AutoSell, bool Predictive, bool Hedge);
