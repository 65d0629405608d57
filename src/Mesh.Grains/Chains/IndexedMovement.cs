using Mesh.Chains.Clients;

namespace Mesh.Grains.Chains;

/// <summary>A movement event as the index keeps it: what it does to a protocol's balance and where it sits on the chain.</summary>
internal sealed record IndexedMovement(
    OperationId OperationId,
    OperationKind Kind,
    string Protocol,
    string Token,
    UInt128 Amount,
    ulong Block,
    Bytes32 BlockHash,
    Bytes32 Transaction,
    int LogIndex)
{
    /// <summary>Whether the movement adds to the protocol's vault balance (a deposit or a release).</summary>
    public bool Credits => Kind is OperationKind.Deposit or OperationKind.Release;

    public static IndexedMovement From(MovementEvent e) =>
        new(e.OperationId, e.Kind, e.ProtocolId, e.Token, e.Amount, e.BlockNumber, e.BlockHash, e.TransactionHash, e.LogIndex);

    public static IndexedMovement From(IndexedEventState s) =>
        new(OperationId.Parse(s.OperationId), s.Kind, s.Protocol, s.Token, s.Amount, s.Block, Bytes32.Parse(s.BlockHash), Bytes32.Parse(s.Transaction), s.LogIndex);

    public IndexedEventState ToState() => new()
    {
        OperationId = OperationId.ToString(),
        Kind = Kind,
        Protocol = Protocol,
        Token = Token,
        Amount = Amount,
        Block = Block,
        BlockHash = BlockHash.ToString(),
        Transaction = Transaction.ToString(),
        LogIndex = LogIndex,
    };
}
