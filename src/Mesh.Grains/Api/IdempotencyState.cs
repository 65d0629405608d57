namespace Mesh.Grains.Api;

/// <summary>The persisted state of an <see cref="IdempotencyGrain"/>; empty <see cref="Fingerprint"/> means the key is unused.</summary>
internal sealed class IdempotencyState
{
    public string Fingerprint { get; set; } = string.Empty;

    public Guid LeaseToken { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public int Attempts { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
