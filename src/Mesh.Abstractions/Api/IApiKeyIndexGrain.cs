namespace Mesh.Api;

/// <summary>
/// The list of API keys (summaries, no hashes), for listing and for the operator bootstrap; a single grain, key 0.
/// The <see cref="IApiKeyGrain"/> is the source of truth for authentication; this index follows it.
/// </summary>
[Alias("mesh.api.key_index")]
public interface IApiKeyIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a key's summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="onlyIfNoActiveOperator">When true, nothing is stored if an unrevoked operator key other than this one is listed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the summary was stored.</returns>
    [Alias("mesh.api.key_index.register")]
    Task<bool> Register(ApiKeySummary summary, bool onlyIfNoActiveOperator, CancellationToken cancellationToken = default);

    /// <summary>Whether an unrevoked operator key is listed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when one is.</returns>
    [Alias("mesh.api.key_index.has_active_operator")]
    Task<bool> HasActiveOperator(CancellationToken cancellationToken = default);

    /// <summary>One page of keys in key id order.</summary>
    /// <param name="after">The key id the previous page ended with; null for the first page.</param>
    /// <param name="limit">The most keys to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="ApiKeyPage.HasMore"/> says whether keys follow.</returns>
    [Alias("mesh.api.key_index.list")]
    Task<ApiKeyPage> List(string? after, int limit, CancellationToken cancellationToken = default);
}
