namespace Mesh.Api;

/// <summary>A stored API key: its summary and the hash of its secret (never the secret itself).</summary>
/// <param name="Summary">The shown part.</param>
/// <param name="SecretHash">SHA-256 (or HMAC-SHA-256 with the configured pepper) of the secret's UTF-8 bytes.</param>
[GenerateSerializer]
[Alias("mesh.api.key_record")]
public sealed record ApiKeyRecord(
    [property: Id(0)] ApiKeySummary Summary,
    [property: Id(1)] byte[] SecretHash);
