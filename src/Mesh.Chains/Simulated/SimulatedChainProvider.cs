using System.Diagnostics.CodeAnalysis;
using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>The simulated chains of one <c>chains.json</c>, by name.</summary>
internal sealed class SimulatedChainProvider : ISimulatedChainProvider
{
    private readonly Dictionary<string, SimulatedChain> _chains;

    public SimulatedChainProvider(IEnumerable<SimulatedChain> chains)
    {
        var list = chains.ToList();
        _chains = list.ToDictionary(c => c.ChainName, StringComparer.Ordinal);
        ChainNames = list.Select(c => c.ChainName).ToList();
    }

    public IReadOnlyList<string> ChainNames { get; }

    public IChainClient GetClient(string chainName) => GetSimulated(chainName);

    public ISimulatedChain GetSimulated(string chainName) =>
        chainName is not null && _chains.TryGetValue(chainName, out var chain)
            ? chain
            : throw new ChainClientException(
                chainName ?? "(null)",
                ChainErrorKind.Rejected,
                ChainErrorCodes.UnknownChain,
                $"No chain is named '{chainName}'; chains.json has {(ChainNames.Count == 0 ? "none" : string.Join(", ", ChainNames))}.");

    public bool TryGetClient(string chainName, [NotNullWhen(true)] out IChainClient? client)
    {
        client = chainName is not null && _chains.TryGetValue(chainName, out var chain) ? chain : null;
        return client is not null;
    }
}
