using Mesh.Grains.Chains;
using Mesh.Silo.Chains;

namespace Mesh.Silo.Hosting;

/// <summary>Settings under <c>Mesh:Chains</c>.</summary>
public sealed class MeshChainsOptions
{
    /// <summary>Gets or sets what serves the chains of <c>chains.json</c>: the simulated chain, or real EVM nodes at its RPC endpoints.</summary>
    /// <value>The default is <see cref="ChainsMode.Simulated"/>.</value>
    public ChainsMode Mode { get; set; } = ChainsMode.Simulated;

    /// <summary>
    /// Gets or sets dev mode for EVM chains: Hardhat's well-known test keys are accepted (account #0 signs when no key
    /// is set), and local endpoints that are down get Hardhat nodes started (and stopped) by the silo, with the contracts deployed.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Dev { get; set; }

    /// <summary>Gets or sets how chain grains poll and classify their chains.</summary>
    /// <value>The default polls every block time and calls a chain halted after 5 block times without a new head.</value>
    public ChainMonitorOptions Monitor { get; set; } = new();
}
