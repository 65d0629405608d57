namespace Mesh.Protocols;

/// <summary>A protocol's request to join the mesh.</summary>
/// <param name="Name">Display name, 1–64 printable characters.</param>
/// <param name="Chains">The chains (names from chains.json) it will hold vaults on.</param>
/// <param name="Contact">Who operators reach: an e-mail address or an https URL.</param>
/// <param name="RequestedTier">The risk tier it asks for.</param>
/// <param name="Account">Its account (an EVM address, the same on every chain): deposits come from it and withdrawals go only to it.</param>
[GenerateSerializer]
[Alias("mesh.protocol.join-request")]
public sealed record JoinRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Chains,
    [property: Id(2)] string Contact,
    [property: Id(3)] RiskTier RequestedTier,
    [property: Id(4)] string Account);
