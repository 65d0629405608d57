namespace Mesh.Api;

/// <summary>What may be shown about an API key: everything but its secret and hash.</summary>
/// <param name="KeyId">The public key id (the middle part of <c>mesh_&lt;keyId&gt;_&lt;secret&gt;</c>).</param>
/// <param name="Role">What the key may do.</param>
/// <param name="Principal">Who the key acts for: the protocol id for a protocol key, the router or feeder id, or the key id for an operator key.</param>
/// <param name="Name">A label for people.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is valid.</param>
[GenerateSerializer]
[Alias("mesh.api.key_summary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string KeyId,
    [property: Id(1)] ApiRole Role,
    [property: Id(2)] string Principal,
    [property: Id(3)] string Name,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt);
