using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>An <see cref="IChainClientProvider"/> of simulated chains, which also hands out their control surface.</summary>
public interface ISimulatedChainProvider : IChainClientProvider
{
    /// <summary>The simulated chain of a name.</summary>
    /// <param name="chainName">The chain name.</param>
    /// <returns>The chain.</returns>
    /// <exception cref="ChainClientException">With <see cref="ChainErrorCodes.UnknownChain"/> when no chain has that name.</exception>
    ISimulatedChain GetSimulated(string chainName);
}
