namespace Mesh.Chains.Clients;

/// <summary>The answer to a submission.</summary>
/// <param name="OperationId">The operation.</param>
/// <param name="TransactionHash">The transaction carrying it.</param>
/// <param name="AlreadyKnown">Whether the chain already held a live transaction for this id (a retry), in which case
/// <paramref name="TransactionHash"/> is that transaction's and nothing new was sent.</param>
public sealed record OperationSubmission(OperationId OperationId, Bytes32 TransactionHash, bool AlreadyKnown);
