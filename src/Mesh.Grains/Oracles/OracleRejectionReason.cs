namespace Mesh.Grains.Oracles;

/// <summary>Why a source was left out of an aggregate.</summary>
internal enum OracleRejectionReason
{
    /// <summary>Its latest observation is older than its heartbeat, or it has none.</summary>
    Stale,

    /// <summary>It is farther than k · MAD (and the minimum deviation) from the median of the fresh sources.</summary>
    Outlier,
}
