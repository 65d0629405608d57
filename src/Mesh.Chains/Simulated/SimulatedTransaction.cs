using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>One attempt at an operation on a simulated chain. Mutated only under the chain's lock.</summary>
internal sealed class SimulatedTransaction(ChainOperation operation, Bytes32 hash, int attempt)
{
    public ChainOperation Operation { get; } = operation;

    public Bytes32 Hash { get; } = hash;

    public int Attempt { get; } = attempt;

    public SimulatedTransactionState State { get; private set; } = SimulatedTransactionState.Pending;

    public BlockHeader? Block { get; private set; }

    public MovementEvent? Movement { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureReason { get; private set; }

    public void Succeed(BlockHeader block, MovementEvent movement)
    {
        (State, Block, Movement, FailureCode, FailureReason) = (SimulatedTransactionState.Included, block, movement, null, null);
    }

    public void Revert(BlockHeader block, string code, string reason)
    {
        (State, Block, Movement, FailureCode, FailureReason) = (SimulatedTransactionState.Included, block, null, code, reason);
    }

    public void Unwind(bool drop)
    {
        State = drop ? SimulatedTransactionState.Dropped : SimulatedTransactionState.Pending;
        (Block, Movement, FailureCode, FailureReason) = (null, null, null, null);
    }

    /// <summary>Whether the chain still holds this attempt, so that the id may not carry another one.</summary>
    public bool IsLive(ulong head, int confirmations) => State switch
    {
        SimulatedTransactionState.Pending => true,
        SimulatedTransactionState.Included => FailureCode is null || head - Block!.Number < (ulong)confirmations,
        _ => false,
    };
}
