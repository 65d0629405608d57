namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// The multi-process cluster tests run one at a time and alone: failure detection is tuned to a second, and several
/// clusters competing for two cores would make silos miss probes and measure the machine instead of the cluster.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
