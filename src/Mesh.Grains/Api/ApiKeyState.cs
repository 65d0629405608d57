using Mesh.Api;

namespace Mesh.Grains.Api;

/// <summary>The persisted state of an <see cref="ApiKeyGrain"/>; empty <see cref="KeyId"/> means no key.</summary>
internal sealed class ApiKeyState
{
    public string KeyId { get; set; } = string.Empty;

    public ApiRole Role { get; set; }

    public string Principal { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public byte[] SecretHash { get; set; } = [];

    public ApiKeySummary ToSummary() => new(KeyId, Role, Principal, Name, CreatedAt, RevokedAt);
}
