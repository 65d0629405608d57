using Mesh.Api.Authentication;

namespace Mesh.Api.Keys;

/// <summary>
/// Creates, revokes and lists keys. The <see cref="IApiKeyGrain"/> is written first, then the index: a crash between
/// leaves a key nobody was ever shown (harmless) or a revoked key still listed as active until the DELETE is retried.
/// </summary>
internal sealed class ApiKeyService(IGrainFactory grains, ApiKeyHasher hasher, ApiKeyStore store, TimeProvider clock)
{
    private IApiKeyIndexGrain Index => grains.GetGrain<IApiKeyIndexGrain>(0);

    /// <summary>Creates a key; the returned key string is the only time the secret exists outside the caller.</summary>
    public async Task<(ApiKeySummary Summary, string Key)> CreateAsync(ApiRole role, string? principal, string name, CancellationToken cancellationToken)
    {
        var (summary, key) = await StoreAsync(role, principal, name, cancellationToken);
        await Index.Register(summary, onlyIfNoActiveOperator: false, cancellationToken);
        return (summary, key);
    }

    /// <summary>Creates an operator key unless one is active; null when one is (another silo may have won the race).</summary>
    public async Task<(ApiKeySummary Summary, string Key)?> BootstrapAsync(CancellationToken cancellationToken)
    {
        if (await Index.HasActiveOperator(cancellationToken))
        {
            return null;
        }

        var (summary, key) = await StoreAsync(ApiRole.Operator, null, "bootstrap operator", cancellationToken);
        if (await Index.Register(summary, onlyIfNoActiveOperator: true, cancellationToken))
        {
            return (summary, key);
        }

        await grains.GetGrain<IApiKeyGrain>(summary.KeyId).Revoke(cancellationToken);
        return null;
    }

    public async Task<ApiKeySummary> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var summary = await grains.GetGrain<IApiKeyGrain>(keyId).Revoke(cancellationToken);
        store.Invalidate(keyId);
        await Index.Register(summary, onlyIfNoActiveOperator: false, cancellationToken);
        return summary;
    }

    /// <summary>Revokes every live key of a protocol (when it leaves the mesh); idempotent.</summary>
    public async Task<int> RevokeProtocolKeysAsync(string protocolId, CancellationToken cancellationToken)
    {
        var live = new List<string>();
        string? after = null;
        ApiKeyPage page;
        do
        {
            page = await Index.List(after, 500, cancellationToken);
            live.AddRange(page.Items.Where(k => k.Role == ApiRole.Protocol && k.Principal == protocolId && k.RevokedAt is null).Select(k => k.KeyId));
            after = page.Items.Count > 0 ? page.Items[^1].KeyId : after;
        }
        while (page.HasMore);

        foreach (var keyId in live)
        {
            await RevokeAsync(keyId, cancellationToken);
        }

        return live.Count;
    }

    public Task<ApiKeyPage> ListAsync(string? after, int limit, CancellationToken cancellationToken) =>
        Index.List(after, limit, cancellationToken);

    private async Task<(ApiKeySummary Summary, string Key)> StoreAsync(ApiRole role, string? principal, string name, CancellationToken cancellationToken)
    {
        var (keyId, secret, key) = ApiKeyFormat.Generate();
        var summary = new ApiKeySummary(keyId, role, principal ?? keyId, name, clock.GetUtcNow(), null);
        await grains.GetGrain<IApiKeyGrain>(keyId).Create(new ApiKeyRecord(summary, hasher.Hash(secret)), cancellationToken);
        return (summary, key);
    }
}
