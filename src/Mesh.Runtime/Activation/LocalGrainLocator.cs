using Mesh.Runtime.Hosting;
using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Activation;

/// <summary>The locator of a single silo: every grain is local and writes are unfenced.</summary>
internal sealed class LocalGrainLocator(RuntimeOptions options) : IGrainLocator
{
    public int PartitionCount => options.PartitionCount;

    public bool IsLocal(int partition) => true;

    public (int Partition, WriteFence Fence) GetFence(GrainId grainId) =>
        ((int)(grainId.StableHash() % (ulong)options.PartitionCount), WriteFence.None);

    public long CurrentEpoch(int partition) => 0;

    public Uri? GetOwnerEndpoint(int partition) => null;

    public void RequestRefresh()
    {
    }
}
