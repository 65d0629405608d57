namespace Mesh.Runtime.Hosting;

/// <summary>What health endpoints and operators can ask of the local silo.</summary>
public interface ISiloStatus
{
    /// <summary>Gets this silo's id.</summary>
    string SiloId { get; }

    /// <summary>Gets a value indicating whether the silo has started and accepts calls.</summary>
    bool IsReady { get; }

    /// <summary>Gets the number of live activations.</summary>
    int ActivationCount { get; }

    /// <summary>Gets the storage provider name.</summary>
    string StorageProvider { get; }

    /// <summary>Lists the silos of the cluster (just this one on a single silo) with their partition counts.</summary>
    Task<IReadOnlyList<Cluster.SiloInfo>> GetMembersAsync(CancellationToken cancellationToken);
}
