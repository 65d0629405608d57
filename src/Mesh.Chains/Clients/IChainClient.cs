namespace Mesh.Chains.Clients;

/// <summary>
/// The one seam between the mesh and a chain: read heads, submit idempotent vault operations, follow them to
/// finality, read balances and movement events. Implementations are thread-safe. Every call can throw
/// <see cref="ChainClientException"/>; callers retry when <see cref="ChainClientException.IsTransient"/> is true.
/// </summary>
public interface IChainClient
{
    /// <summary>The chain's name in <c>chains.json</c>.</summary>
    string ChainName { get; }

    /// <summary>How many blocks on top of a block make it final (from <c>chains.json</c>).</summary>
    int Confirmations { get; }

    /// <summary>The latest block (<c>eth_blockNumber</c> / <c>eth_getBlockByNumber("latest")</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The head block.</returns>
    Task<BlockHeader> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest block with at least <see cref="Confirmations"/> blocks on top of it (genesis while the chain is shorter).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finalized block.</returns>
    Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The canonical block at <paramref name="number"/>, or <see langword="null"/> beyond the head.</summary>
    /// <param name="number">The block number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The block, or <see langword="null"/>.</returns>
    Task<BlockHeader?> GetBlockAsync(ulong number, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits an operation. Idempotent by <see cref="ChainOperation.Id"/>: while the chain holds a live transaction
    /// for the id (pending, included or final), the same operation returns that transaction with
    /// <see cref="OperationSubmission.AlreadyKnown"/> set and nothing moves twice. After <see cref="OperationState.Failed"/>
    /// or <see cref="OperationState.Unknown"/> a submission sends a new transaction.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The submission.</returns>
    /// <exception cref="ChainClientException">
    /// <see cref="ChainErrorKind.Rejected"/> with <see cref="ChainErrorCodes.OperationConflict"/> for a different
    /// payload under a live id, <see cref="ChainErrorCodes.UnknownToken"/> or <see cref="ChainErrorCodes.InvalidOperation"/>
    /// for a malformed operation; <see cref="ChainErrorKind.Timeout"/> when the answer was lost (the operation may
    /// have been accepted: retry with the same id).
    /// </exception>
    Task<OperationSubmission> SubmitAsync(ChainOperation operation, CancellationToken cancellationToken = default);

    /// <summary>The status of an operation as of the current head.</summary>
    /// <param name="operationId">The operation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status; <see cref="OperationState.Unknown"/> for an id the chain does not hold.</returns>
    Task<OperationStatus> GetOperationAsync(OperationId operationId, CancellationToken cancellationToken = default);

    /// <summary>The token balance of an address at the head (<c>balanceOf</c>).</summary>
    /// <param name="token">The token symbol.</param>
    /// <param name="account">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance in base units.</returns>
    Task<UInt128> GetBalanceAsync(string token, string account, CancellationToken cancellationToken = default);

    /// <summary>The protocol's balance of a token in the mesh vault at the head.</summary>
    /// <param name="token">The token symbol.</param>
    /// <param name="protocolId">The protocol.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance in base units.</returns>
    Task<UInt128> GetVaultBalanceAsync(string token, string protocolId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The movement events of the canonical blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>
    /// (inclusive, clamped to the head), ordered by block and log index (<c>eth_getLogs</c>). Read up to the finalized
    /// head to index without reorganisations, or compare <see cref="MovementEvent.BlockHash"/> to detect them.
    /// </summary>
    /// <param name="fromBlock">The first block.</param>
    /// <param name="toBlock">The last block; not less than <paramref name="fromBlock"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<MovementEvent>> GetMovementsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default);
}
