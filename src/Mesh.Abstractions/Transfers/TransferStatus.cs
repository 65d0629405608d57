namespace Mesh.Transfers;

/// <summary>
/// A transfer as it stands. Its amounts always balance: <c>Locked = Released + FeeRetained + Refunded</c> once it is
/// terminal (<see cref="TransferPhase.Settled"/>: nothing refunded; <see cref="TransferPhase.Compensated"/>: nothing
/// released, the whole lock refunded, no fee taken).
/// </summary>
/// <param name="RequestId">The router's request id.</param>
/// <param name="Phase">Where the saga stands.</param>
/// <param name="Quote">The quote executed (or to execute).</param>
/// <param name="Reason">Why the transfer is compensating, compensated or failed: a stable code (<c>transfer.cancelled</c>, <c>destination.halted</c>, <c>lock.timeout</c>, a chain revert code...).</param>
/// <param name="ReasonDetail">The reason for a person.</param>
/// <param name="Locked">What the lock took on the source, final, base units.</param>
/// <param name="Released">What the release paid on the destination, final, base units.</param>
/// <param name="Refunded">What the refund gave back on the source, final, base units.</param>
/// <param name="FeeRetained">The fee kept by the source's bridge, base units (only once settled).</param>
/// <param name="LockTransaction">The source transaction of the lock, once known.</param>
/// <param name="ReleaseTransaction">The destination transaction of the release, once known.</param>
/// <param name="RefundTransaction">The source transaction of the refund, once known.</param>
/// <param name="PhaseSince">When the current phase began.</param>
/// <param name="Stuck">Whether the current phase has lasted longer than it should (an operator should look).</param>
/// <param name="Steps">The trace of every phase entered, oldest first.</param>
[GenerateSerializer]
[Alias("mesh.transfer.status")]
public sealed record TransferStatus(
    [property: Id(0)] string RequestId,
    [property: Id(1)] TransferPhase Phase,
    [property: Id(2)] TransferQuote Quote,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? ReasonDetail,
    [property: Id(5)] UInt128 Locked,
    [property: Id(6)] UInt128 Released,
    [property: Id(7)] UInt128 Refunded,
    [property: Id(8)] UInt128 FeeRetained,
    [property: Id(9)] string? LockTransaction,
    [property: Id(10)] string? ReleaseTransaction,
    [property: Id(11)] string? RefundTransaction,
    [property: Id(12)] DateTimeOffset PhaseSince,
    [property: Id(13)] bool Stuck,
    [property: Id(14)] IReadOnlyList<TransferStep> Steps)
{
    /// <summary>Gets whether the transfer has ended (<see cref="TransferPhase.Settled"/>, <see cref="TransferPhase.Compensated"/> or <see cref="TransferPhase.Failed"/>).</summary>
    public bool IsTerminal => Phase is TransferPhase.Settled or TransferPhase.Compensated or TransferPhase.Failed;
}
