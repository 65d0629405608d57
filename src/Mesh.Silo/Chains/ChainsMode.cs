namespace Mesh.Silo.Chains;

/// <summary>What serves the chains of <c>chains.json</c> (<c>Mesh:Chains:Mode</c>).</summary>
public enum ChainsMode
{
    /// <summary>The deterministic simulated chain, in the silo's memory: nothing to install or start.</summary>
    Simulated,

    /// <summary>Real EVM chains at the RPC endpoints of <c>chains.json</c>, through the mesh's vault contracts.</summary>
    Evm,
}
