namespace Mesh.Chains.Clients;

/// <summary>Hands out the one <see cref="IChainClient"/> of each chain in <c>chains.json</c>.</summary>
public interface IChainClientProvider
{
    /// <summary>The names of the chains, in file order.</summary>
    IReadOnlyList<string> ChainNames { get; }

    /// <summary>The client of a chain.</summary>
    /// <param name="chainName">The chain name.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ChainClientException">With <see cref="ChainErrorCodes.UnknownChain"/> when no chain has that name.</exception>
    IChainClient GetClient(string chainName);

    /// <summary>Looks up the client of a chain.</summary>
    /// <param name="chainName">The chain name.</param>
    /// <param name="client">The client, when found.</param>
    /// <returns>Whether a chain has that name.</returns>
    bool TryGetClient(string chainName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IChainClient? client);
}
