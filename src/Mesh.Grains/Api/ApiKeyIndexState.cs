using Mesh.Api;

namespace Mesh.Grains.Api;

/// <summary>The persisted state of the <see cref="ApiKeyIndexGrain"/>: every key's summary, sorted by key id (ordinal).</summary>
internal sealed class ApiKeyIndexState
{
    public List<ApiKeySummary> Keys { get; set; } = [];
}
