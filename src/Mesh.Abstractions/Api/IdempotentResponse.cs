namespace Mesh.Api;

/// <summary>A response recorded under an idempotency key and replayed to retries.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Location">The Location header, if any.</param>
/// <param name="Body">The body bytes.</param>
[GenerateSerializer]
[Alias("mesh.api.idempotent_response")]
public sealed record IdempotentResponse(
    [property: Id(0)] int StatusCode,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] string? Location,
    [property: Id(3)] byte[] Body);
