namespace Mesh.Chains.Clients;

/// <summary>Where an operation stands on a chain.</summary>
public enum OperationState
{
    /// <summary>The chain has no transaction for the id (never submitted, or dropped by a reorganisation): submit it.</summary>
    Unknown = 0,

    /// <summary>Submitted and waiting in the mempool.</summary>
    Pending = 1,

    /// <summary>
    /// In a block that is not final yet. A reorganisation can still send it back to <see cref="Pending"/> or
    /// <see cref="Unknown"/>. When <see cref="OperationStatus.FailureCode"/> is set the transaction reverted.
    /// </summary>
    Included = 2,

    /// <summary>Succeeded in a final block; the movement may be credited.</summary>
    Final = 3,

    /// <summary>
    /// Reverted in a final block: nothing moved and the contract did not record the id, so the same id may be
    /// submitted again once the cause (balance, allowance) is fixed.
    /// </summary>
    Failed = 4,
}
