namespace Mesh.Api;

/// <summary>One API key, keyed by its key id. Holds the secret's hash, role, principal and revocation; persisted.</summary>
[Alias("mesh.api.key")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key.</summary>
    /// <param name="record">The key; its key id must be this grain's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the key is stored.</returns>
    /// <exception cref="Errors.MeshException">Conflict (<c>api_key.exists</c>) when this key id already holds a key.</exception>
    [Alias("mesh.api.key.create")]
    Task Create(ApiKeyRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads the key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, or null when none was created under this id.</returns>
    [Alias("mesh.api.key.read")]
    Task<ApiKeyRecord?> Read(CancellationToken cancellationToken = default);

    /// <summary>Revokes the key; revoking a revoked key keeps the first revocation time.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's summary after revocation.</returns>
    /// <exception cref="Errors.MeshException">NotFound (<c>api_key.not_found</c>) when no key has this id.</exception>
    [Alias("mesh.api.key.revoke")]
    Task<ApiKeySummary> Revoke(CancellationToken cancellationToken = default);
}
