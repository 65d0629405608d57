using System.Globalization;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;

namespace Mesh.Testing.ChainNode;

/// <summary>
/// A chain served by a <see cref="SimulatedChainNode"/>, seen from a silo: every <see cref="IChainClient"/> call goes to the
/// node over HTTP and fails as the chain would (see <see cref="ChainNodeHttp"/>). The control members of
/// <see cref="ISimulatedChain"/> are forwarded too, so that the silo's faucet funds the node's chain and not one of its own.
/// </summary>
internal sealed partial class ChainNodeClient(HttpClient http, ChainDefinition definition) : ISimulatedChain
{
    private readonly ChainNodeHttp _node = new(http, definition.Name);

    public string ChainName => definition.Name;

    public int Confirmations => definition.Confirmations;

    public ChainDefinition Definition => definition;

    public async Task<BlockHeader> GetHeadAsync(CancellationToken cancellationToken = default) =>
        Required(await _node.SendAsync<BlockHeader>(HttpMethod.Get, "head", null, cancellationToken));

    public async Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        Required(await _node.SendAsync<BlockHeader>(HttpMethod.Get, "finalized", null, cancellationToken));

    public Task<BlockHeader?> GetBlockAsync(ulong number, CancellationToken cancellationToken = default) =>
        _node.SendAsync<BlockHeader>(HttpMethod.Get, Invariant($"blocks/{number}"), null, cancellationToken);

    public async Task<OperationSubmission> SubmitAsync(ChainOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Required(await _node.SendAsync<OperationSubmission>(HttpMethod.Post, "operations", operation, cancellationToken));
    }

    public async Task<OperationStatus> GetOperationAsync(OperationId operationId, CancellationToken cancellationToken = default) =>
        Required(await _node.SendAsync<OperationStatus>(HttpMethod.Get, $"operations/{operationId}", null, cancellationToken));

    public async Task<UInt128> GetBalanceAsync(string token, string account, CancellationToken cancellationToken = default) =>
        Required(await _node.SendAsync<ChainNodeAmount>(HttpMethod.Get, $"balances/{Escape(token)}/{Escape(account)}", null, cancellationToken)).Amount;

    public async Task<UInt128> GetVaultBalanceAsync(string token, string protocolId, CancellationToken cancellationToken = default) =>
        Required(await _node.SendAsync<ChainNodeAmount>(HttpMethod.Get, $"vault/{Escape(token)}/{Escape(protocolId)}", null, cancellationToken)).Amount;

    public async Task<IReadOnlyList<MovementEvent>> GetMovementsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default) =>
        Required(await _node.SendAsync<List<MovementEvent>>(HttpMethod.Get, Invariant($"movements?from={fromBlock}&to={toBlock}"), null, cancellationToken));

    private T Required<T>(T? value)
        where T : class =>
        value ?? throw new ChainClientException(ChainName, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"The chain node of {ChainName} answered nothing where a value was due.");

    private static string Escape(string? text) => Uri.EscapeDataString(text ?? string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
