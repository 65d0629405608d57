using System.Collections.Concurrent;

namespace Mesh.Api.Authentication;

/// <summary>
/// Validates presented keys against their <see cref="IApiKeyGrain"/>, caching a read record for
/// <see cref="MeshApiOptions.KeyCacheDuration"/>: a revocation takes effect at once on the silo that revoked and
/// within that time on the others. Unknown key ids are not cached.
/// </summary>
internal sealed class ApiKeyStore(IGrainFactory grains, ApiKeyHasher hasher, MeshApiOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Record, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    public async Task<ApiKeySummary?> ValidateAsync(string keyId, string secret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        ApiKeyRecord? record;
        if (_cache.TryGetValue(keyId, out var cached) && now - cached.ReadAt < options.KeyCacheDuration)
        {
            record = cached.Record;
        }
        else
        {
            record = await grains.GetGrain<IApiKeyGrain>(keyId).Read(cancellationToken);
            if (record is null)
            {
                _cache.TryRemove(keyId, out _);
                hasher.Hash(secret);
                return null;
            }

            _cache[keyId] = (record, now);
        }

        if (!hasher.Matches(secret, record.SecretHash) || record.Summary.RevokedAt is not null)
        {
            return null;
        }

        return record.Summary;
    }

    public void Invalidate(string keyId) => _cache.TryRemove(keyId, out _);
}
