using System.Diagnostics.CodeAnalysis;
using Mesh.Chains.Clients;

namespace Mesh.Chains.Evm;

/// <summary>The EVM clients of one <c>chains.json</c>, by name; disposing it disposes them.</summary>
internal sealed class EvmChainClientProvider : IChainClientProvider, IDisposable
{
    private readonly Dictionary<string, EvmChainClient> _clients;

    public EvmChainClientProvider(IEnumerable<EvmChainClient> clients)
    {
        var list = clients.ToList();
        _clients = list.ToDictionary(c => c.ChainName, StringComparer.Ordinal);
        ChainNames = list.Select(c => c.ChainName).ToList();
    }

    public IReadOnlyList<string> ChainNames { get; }

    /// <summary>Each chain's RPC gateway, by chain name.</summary>
    internal IReadOnlyDictionary<string, Rpc.RpcGateway> Gateways => _clients.ToDictionary(c => c.Key, c => c.Value.Rpc, StringComparer.Ordinal);

    public IChainClient GetClient(string chainName) =>
        TryGetClient(chainName, out var client)
            ? client
            : throw new ChainClientException(
                chainName ?? "(null)",
                ChainErrorKind.Rejected,
                ChainErrorCodes.UnknownChain,
                $"No chain is named '{chainName}'; chains.json has {(ChainNames.Count == 0 ? "none" : string.Join(", ", ChainNames))}.");

    public bool TryGetClient(string chainName, [NotNullWhen(true)] out IChainClient? client)
    {
        client = chainName is not null && _clients.TryGetValue(chainName, out var found) ? found : null;
        return client is not null;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
