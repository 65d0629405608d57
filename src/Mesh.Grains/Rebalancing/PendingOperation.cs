using Mesh.Errors;
using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>A call waiting for the coordinator's next allocation round, which applies it, writes, then answers it.</summary>
internal sealed class PendingOperation
{
    /// <summary>Gets or sets what the call does.</summary>
    public PendingKind Kind { get; init; }

    /// <summary>Gets or sets the request (for <see cref="PendingKind.Request"/>).</summary>
    public SaleRequest? Request { get; init; }

    /// <summary>Gets or sets the request's id (every kind but <see cref="PendingKind.Tick"/> and <see cref="PendingKind.View"/>).</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets or sets what was executed (for <see cref="PendingKind.Complete"/>).</summary>
    public UInt128 Executed { get; init; }

    /// <summary>Gets or sets why (for <see cref="PendingKind.Release"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets or sets the refusal the round found for this call (it changed nothing).</summary>
    public MeshException? Refusal { get; set; }

    /// <summary>Gets the answer of a call about one request.</summary>
    public TaskCompletionSource<SaleGrant?> Grant { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the answer of a view.</summary>
    public TaskCompletionSource<CoordinatorView> View { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fails the call.</summary>
    /// <param name="exception">Why.</param>
    public void Fail(Exception exception)
    {
        Grant.TrySetException(exception);
        View.TrySetException(exception);
    }
}
