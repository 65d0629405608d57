namespace Mesh.Chains.Clients;

/// <summary>The event the vault or bridge emits when an operation moves value (an EVM log of a canonical block).</summary>
/// <param name="ChainName">The chain it happened on.</param>
/// <param name="OperationId">The operation.</param>
/// <param name="Kind">What moved.</param>
/// <param name="ProtocolId">The protocol whose vault balance changed.</param>
/// <param name="Account">The protocol's account address.</param>
/// <param name="Token">The token symbol.</param>
/// <param name="Amount">The amount in base units.</param>
/// <param name="From">The address the tokens left (the account, the vault or the bridge).</param>
/// <param name="To">The address the tokens reached.</param>
/// <param name="BlockNumber">The block that holds the event.</param>
/// <param name="BlockHash">That block's hash; an indexer compares it to detect a reorganisation.</param>
/// <param name="TransactionHash">The transaction that emitted it.</param>
/// <param name="LogIndex">Its position among the block's events.</param>
public sealed record MovementEvent(
    string ChainName,
    OperationId OperationId,
    OperationKind Kind,
    string ProtocolId,
    string Account,
    string Token,
    UInt128 Amount,
    string From,
    string To,
    ulong BlockNumber,
    Bytes32 BlockHash,
    Bytes32 TransactionHash,
    int LogIndex);
