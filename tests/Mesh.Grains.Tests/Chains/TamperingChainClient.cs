using Mesh.Chains.Clients;

namespace Mesh.Grains.Tests.Chains;

/// <summary>A real chain client whose <see cref="IChainClient.GetMovementsAsync"/> answers can be rewritten by a test (a faulty or hostile node).</summary>
internal sealed class TamperingChainClient(IChainClient inner) : IChainClient
{
    public Func<ulong, ulong, IReadOnlyList<MovementEvent>, IReadOnlyList<MovementEvent>>? Movements { get; set; }

    public int MovementCalls { get; private set; }

    public string ChainName => inner.ChainName;

    public int Confirmations => inner.Confirmations;

    public Task<BlockHeader> GetHeadAsync(CancellationToken cancellationToken = default) => inner.GetHeadAsync(cancellationToken);

    public Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) => inner.GetFinalizedHeadAsync(cancellationToken);

    public Task<BlockHeader?> GetBlockAsync(ulong number, CancellationToken cancellationToken = default) => inner.GetBlockAsync(number, cancellationToken);

    public Task<OperationSubmission> SubmitAsync(ChainOperation operation, CancellationToken cancellationToken = default) => inner.SubmitAsync(operation, cancellationToken);

    public Task<OperationStatus> GetOperationAsync(OperationId operationId, CancellationToken cancellationToken = default) => inner.GetOperationAsync(operationId, cancellationToken);

    public Task<UInt128> GetBalanceAsync(string token, string account, CancellationToken cancellationToken = default) => inner.GetBalanceAsync(token, account, cancellationToken);

    public Task<UInt128> GetVaultBalanceAsync(string token, string protocolId, CancellationToken cancellationToken = default) => inner.GetVaultBalanceAsync(token, protocolId, cancellationToken);

    public async Task<IReadOnlyList<MovementEvent>> GetMovementsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default)
    {
        MovementCalls++;
        var events = await inner.GetMovementsAsync(fromBlock, toBlock, cancellationToken);
        return Movements is { } tamper ? tamper(fromBlock, toBlock, events) : events;
    }
}
