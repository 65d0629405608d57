using System.Diagnostics.CodeAnalysis;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;

namespace Mesh.Testing.ChainNode;

/// <summary>The chains of a <c>chains.json</c> as a <see cref="SimulatedChainNode"/> serves them, one <see cref="ChainNodeClient"/> each.</summary>
internal sealed class ChainNodeClientProvider : ISimulatedChainProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, ChainNodeClient> _chains;

    public ChainNodeClientProvider(Uri node, ChainsConfiguration configuration, TimeSpan callTimeout)
    {
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = node,
            Timeout = callTimeout,
        };
        _chains = configuration.Chains.ToDictionary(c => c.Name, c => new ChainNodeClient(_http, c), StringComparer.Ordinal);
        ChainNames = [.. configuration.Chains.Select(c => c.Name)];
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
                $"No chain is named '{chainName}'; chains.json has {string.Join(", ", ChainNames)}.");

    public bool TryGetClient(string chainName, [NotNullWhen(true)] out IChainClient? client)
    {
        client = chainName is not null && _chains.TryGetValue(chainName, out var chain) ? chain : null;
        return client is not null;
    }

    public void Dispose() => _http.Dispose();
}
