namespace Mesh.Protocols;

/// <summary>How protocol ids spread over the directory's partitions, and the merged walk over them.</summary>
public static class ProtocolDirectory
{
    /// <summary>The number of partitions: each holds about 1/16 of the ids, so that a join rewrites a small set.</summary>
    public const int Partitions = 16;

    /// <summary>The partition of a protocol (stable across processes: FNV-1a of the id).</summary>
    /// <param name="protocolId">The protocol.</param>
    /// <returns>A partition in [0, <see cref="Partitions"/>).</returns>
    public static int Of(string protocolId)
    {
        ArgumentNullException.ThrowIfNull(protocolId);
        var hash = 2166136261u;
        foreach (var c in protocolId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Partitions);
    }

    /// <summary>Registers a protocol in its partition.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="protocolId">The protocol.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public static Task AddAsync(IGrainFactory grains, string protocolId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IProtocolDirectoryGrain>(Of(protocolId)).Add(protocolId, cancellationToken);
    }

    /// <summary>One page of every partition merged in ordinal order: the ids after <paramref name="after"/>.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="after">Start after this id; null from the first.</param>
    /// <param name="limit">At most this many; from 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids, and whether more follow.</returns>
    public static async Task<(IReadOnlyList<string> Ids, bool HasMore)> PageAsync(IGrainFactory grains, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var parts = await Task.WhenAll(Enumerable.Range(0, Partitions)
            .Select(p => grains.GetGrain<IProtocolDirectoryGrain>(p).List(after, limit + 1, cancellationToken)));
        var merged = parts.SelectMany(p => p).Order(StringComparer.Ordinal).Take(limit + 1).ToList();
        return merged.Count > limit ? (merged[..limit], true) : (merged, false);
    }

    /// <summary>Every protocol id, page by page, in ordinal order.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The ids.</returns>
    public static async IAsyncEnumerable<string> AllAsync(IGrainFactory grains, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var (ids, more) = await PageAsync(grains, after, 1_000, cancellationToken);
            foreach (var id in ids)
            {
                yield return id;
            }

            if (!more)
            {
                yield break;
            }

            after = ids[^1];
        }
    }
}
