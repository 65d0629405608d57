namespace Mesh.Api;

/// <summary>One page of key summaries.</summary>
/// <param name="Items">The keys, in key id order.</param>
/// <param name="HasMore">Whether keys follow the last one.</param>
[GenerateSerializer]
[Alias("mesh.api.key_page")]
public sealed record ApiKeyPage(
    [property: Id(0)] IReadOnlyList<ApiKeySummary> Items,
    [property: Id(1)] bool HasMore);
