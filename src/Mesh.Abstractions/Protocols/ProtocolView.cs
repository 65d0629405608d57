namespace Mesh.Protocols;

/// <summary>What the mesh knows about a protocol.</summary>
/// <param name="ProtocolId">The protocol's id (the grain key).</param>
/// <param name="Name">Display name.</param>
/// <param name="Chains">Chains it holds vaults on.</param>
/// <param name="Contact">Operator contact.</param>
/// <param name="RequestedTier">The tier it asked for.</param>
/// <param name="Tier">The tier granted, once approved.</param>
/// <param name="Status">Its membership status.</param>
/// <param name="StatusReason">Why it is in that status (suspension or rejection reason, or who approved it).</param>
/// <param name="JoinedAt">When it asked to join.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="Account">Its account: deposits come from it, withdrawals go only to it.</param>
[GenerateSerializer]
[Alias("mesh.protocol.view")]
public sealed record ProtocolView(
    [property: Id(0)] string ProtocolId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Chains,
    [property: Id(3)] string Contact,
    [property: Id(4)] RiskTier RequestedTier,
    [property: Id(5)] RiskTier? Tier,
    [property: Id(6)] ProtocolStatus Status,
    [property: Id(7)] string? StatusReason,
    [property: Id(8)] DateTimeOffset JoinedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] string Account);
