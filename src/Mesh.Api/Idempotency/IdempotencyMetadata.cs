namespace Mesh.Api.Idempotency;

/// <summary>Endpoint metadata: the endpoint moves value and needs an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotencyMetadata
{
    /// <summary>The header clients send.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The header on a replayed response.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The one instance.</summary>
    public static readonly IdempotencyMetadata Instance = new();

    private IdempotencyMetadata()
    {
    }
}
