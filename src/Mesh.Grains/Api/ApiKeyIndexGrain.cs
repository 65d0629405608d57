using Mesh.Api;
using Orleans.Runtime;

namespace Mesh.Grains.Api;

/// <summary>The list of API key summaries in key id order; one activation in the cluster (key 0).</summary>
internal sealed class ApiKeyIndexGrain([PersistentState("apikeyindex")] IPersistentState<ApiKeyIndexState> state) : Grain, IApiKeyIndexGrain
{
    public async Task<bool> Register(ApiKeySummary summary, bool onlyIfNoActiveOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var keys = state.State.Keys;
        if (onlyIfNoActiveOperator && keys.Any(k => k.Role == ApiRole.Operator && k.RevokedAt is null && k.KeyId != summary.KeyId))
        {
            return false;
        }

        var at = keys.FindIndex(k => string.CompareOrdinal(k.KeyId, summary.KeyId) >= 0);
        if (at >= 0 && keys[at].KeyId == summary.KeyId)
        {
            if (keys[at] == summary)
            {
                return true;
            }

            keys[at] = summary;
        }
        else
        {
            keys.Insert(at < 0 ? keys.Count : at, summary);
        }

        await state.WriteStateAsync(cancellationToken);
        return true;
    }

    public Task<bool> HasActiveOperator(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Keys.Any(k => k.Role == ApiRole.Operator && k.RevokedAt is null));

    public Task<ApiKeyPage> List(string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var page = state.State.Keys
            .Where(k => after is null || string.CompareOrdinal(k.KeyId, after) > 0)
            .Take(limit + 1)
            .ToList();
        var hasMore = page.Count > limit;
        return Task.FromResult(new ApiKeyPage(hasMore ? page[..limit] : page, hasMore));
    }
}
