namespace Mesh.Transfers;

/// <summary>
/// Where a transfer's saga stands. The happy path runs <see cref="Quoted"/> → <see cref="Reserved"/> →
/// <see cref="Locking"/> → <see cref="Locked"/> → <see cref="Releasing"/> → <see cref="Released"/> → <see cref="Settled"/>;
/// a failure or timeout turns it to <see cref="Compensating"/> → <see cref="Compensated"/>, or, when nothing was held
/// yet, straight to <see cref="Failed"/>.
/// </summary>
public enum TransferPhase
{
    /// <summary>Priced on a route; the quote expires. Nothing is held.</summary>
    Quoted = 0,

    /// <summary>The destination's inventory for the release is reserved; nothing has left the source.</summary>
    Reserved = 1,

    /// <summary>The lock on the source is submitted (or about to be): the transfer can no longer be cancelled. A destination that halts now turns it to <see cref="Compensating"/> (no release is ever sent).</summary>
    Locking = 2,

    /// <summary>The lock is final on the source chain.</summary>
    Locked = 3,

    /// <summary>
    /// The release on the destination is submitted (or about to be); from here the transfer only moves forward unless
    /// the chain reverts the release. A destination that halts now is waited for (the transfer shows as stuck), never
    /// answered with a refund: the sent release could still be mined, and both would pay.
    /// </summary>
    Releasing = 4,

    /// <summary>The release is final on the destination chain.</summary>
    Released = 5,

    /// <summary>Done: the destination holds the delivered amount, the source's bridge keeps the fee. Terminal.</summary>
    Settled = 6,

    /// <summary>Undoing: waiting for the lock's fate, refunding it on the source, freeing the reservation.</summary>
    Compensating = 7,

    /// <summary>Undone: whatever was locked was refunded on the source and every reservation freed. Terminal.</summary>
    Compensated = 8,

    /// <summary>Ended before anything was held (cancelled while quoted, no inventory to reserve). Terminal.</summary>
    Failed = 9,
}
