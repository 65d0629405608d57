using Mesh.Transfers;

namespace Mesh.Grains.Transfers;

/// <summary>A transfer's persisted saga (plain data; stored as JSON without type names).</summary>
public sealed class TransferState
{
    /// <summary>Gets or sets the quote; null until quoted.</summary>
    public TransferQuote? Quote { get; set; }

    /// <summary>Gets or sets the protocol's account, recorded with every chain operation.</summary>
    public string Account { get; set; } = "";

    /// <summary>Gets or sets the phase.</summary>
    public TransferPhase Phase { get; set; }

    /// <summary>Gets or sets when the phase began.</summary>
    public DateTimeOffset PhaseSince { get; set; }

    /// <summary>Gets or sets whether the router executed the quote (written before any claim is taken).</summary>
    public bool ExecuteRequested { get; set; }

    /// <summary>Gets or sets whether the lock may have reached the source chain (written before its submission).</summary>
    public bool LockSubmitted { get; set; }

    /// <summary>Gets or sets whether the lock's fate is known: <see cref="Locked"/> above zero when it took effect.</summary>
    public bool LockResolved { get; set; }

    /// <summary>Gets or sets whether the release may have reached the destination chain (written before its submission).</summary>
    public bool ReleaseSubmitted { get; set; }

    /// <summary>Gets or sets whether the refund may have reached the source chain (written before its submission).</summary>
    public bool RefundSubmitted { get; set; }

    /// <summary>Gets or sets what the lock took, final, base units.</summary>
    public UInt128 Locked { get; set; }

    /// <summary>Gets or sets what the release paid, final, base units.</summary>
    public UInt128 Released { get; set; }

    /// <summary>Gets or sets what the refund gave back, final, base units.</summary>
    public UInt128 Refunded { get; set; }

    /// <summary>Gets or sets the fee the source's bridge kept, base units (once settled).</summary>
    public UInt128 FeeRetained { get; set; }

    /// <summary>Gets or sets the stable reason code of a compensation or failure.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets the reason for a person.</summary>
    public string? ReasonDetail { get; set; }

    /// <summary>Gets or sets the lock's transaction hash, once known.</summary>
    public string? LockTransaction { get; set; }

    /// <summary>Gets or sets the release's transaction hash, once known.</summary>
    public string? ReleaseTransaction { get; set; }

    /// <summary>Gets or sets the refund's transaction hash, once known.</summary>
    public string? RefundTransaction { get; set; }

    /// <summary>Gets or sets the trace of the phases entered.</summary>
    public List<TransferStep> Steps { get; set; } = [];
}
