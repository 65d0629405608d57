namespace Mesh.Chains.Clients;

/// <summary>The status of one operation as of the chain's current head.</summary>
/// <param name="OperationId">The operation.</param>
/// <param name="State">Where it stands.</param>
/// <param name="TransactionHash">The transaction carrying it; <see langword="null"/> when <see cref="OperationState.Unknown"/>.</param>
/// <param name="BlockNumber">The block it is in, once included.</param>
/// <param name="BlockHash">The hash of that block, once included.</param>
/// <param name="Confirmations">How many blocks are on top of that block (0 while it is the head block, or not included).</param>
/// <param name="FailureCode">The stable reason code of a revert (see <see cref="ChainErrorCodes"/>), if it reverted.</param>
/// <param name="FailureReason">A sentence describing the revert, if it reverted.</param>
/// <param name="Movement">The movement event it emitted, when it succeeded in a block.</param>
public sealed record OperationStatus(
    OperationId OperationId,
    OperationState State,
    Bytes32? TransactionHash = null,
    ulong? BlockNumber = null,
    Bytes32? BlockHash = null,
    ulong Confirmations = 0,
    string? FailureCode = null,
    string? FailureReason = null,
    MovementEvent? Movement = null)
{
    /// <summary>Whether the outcome can no longer change: <see cref="OperationState.Final"/> or <see cref="OperationState.Failed"/>.</summary>
    public bool IsSettled => State is OperationState.Final or OperationState.Failed;
}
