using Mesh.Grains.Chains;

namespace Mesh.Silo.Hosting;

/// <summary>Settings under <c>Mesh:Chains</c>.</summary>
public sealed class MeshChainsOptions
{
    /// <summary>Gets or sets how chain grains poll and classify their chains.</summary>
    /// <value>The default polls every block time and calls a chain halted after 5 block times without a new head.</value>
    public ChainMonitorOptions Monitor { get; set; } = new();
}
