using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Activation;

/// <summary>Decides where a grain lives and which fence its writes carry. A single silo owns everything.</summary>
internal interface IGrainLocator
{
    /// <summary>Returns the grain's partition and the fence of this silo's lease on it.</summary>
    (int Partition, WriteFence Fence) GetFence(GrainId grainId);
}
