using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Activation;

/// <summary>Decides where a grain lives and which fence its writes carry. A single silo owns everything.</summary>
internal interface IGrainLocator
{
    /// <summary>Gets the number of partitions grain ids hash to.</summary>
    int PartitionCount { get; }

    /// <summary>Returns true while this silo holds an unexpired lease on <paramref name="partition"/>.</summary>
    bool IsLocal(int partition);

    /// <summary>Returns the grain's partition and the fence of this silo's lease on it.</summary>
    /// <exception cref="NotOwnerException">This silo does not own the partition.</exception>
    (int Partition, WriteFence Fence) GetFence(GrainId grainId);

    /// <summary>Returns the epoch of this silo's current lease on <paramref name="partition"/> (0 when not held; always 0 on a single silo).</summary>
    long CurrentEpoch(int partition);

    /// <summary>Returns the endpoint of the silo that owns <paramref name="partition"/>, or null if none is known.</summary>
    Uri? GetOwnerEndpoint(int partition);

    /// <summary>Asks for a fresh ownership view soon (after "not owner" or an unreachable owner).</summary>
    void RequestRefresh();
}
