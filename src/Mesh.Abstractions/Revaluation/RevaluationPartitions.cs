namespace Mesh.Revaluation;

/// <summary>How vaults spread over an asset's revaluation partitions.</summary>
public static class RevaluationPartitions
{
    /// <summary>The number of partitions per asset: a fan-out to 10,000 vaults runs in 16 parallel branches of about 625.</summary>
    public const int Count = 16;

    /// <summary>The partition a vault belongs to (stable across processes: FNV-1a of the key).</summary>
    /// <param name="vault">The vault's key.</param>
    /// <returns>A partition in [0, <see cref="Count"/>).</returns>
    public static int Of(string vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var hash = 2166136261u;
        foreach (var c in vault)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>The grain key of one partition.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="partition">The partition.</param>
    /// <returns><c>asset/partition</c>.</returns>
    public static string Key(string asset, int partition) => $"{asset}/{partition}";
}
