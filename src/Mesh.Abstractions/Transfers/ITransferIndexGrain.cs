namespace Mesh.Transfers;

/// <summary>The transfers in flight (executed, not yet terminal), for operators. One grain, key <see cref="Key"/>.</summary>
[Alias("mesh.transfer.index")]
public interface ITransferIndexGrain : IGrainWithIntegerKey
{
    /// <summary>The one index's key.</summary>
    const long Key = 0;

    /// <summary>Lists a transfer as in flight; idempotent.</summary>
    /// <param name="requestId">The transfer's request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    [Alias("mesh.transfer.index.add")]
    Task Add(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Removes an ended transfer; idempotent.</summary>
    /// <param name="requestId">The transfer's request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    [Alias("mesh.transfer.index.remove")]
    Task Remove(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The request ids in flight, in id order.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids.</returns>
    [Alias("mesh.transfer.index.list")]
    Task<IReadOnlyList<string>> InFlight(CancellationToken cancellationToken = default);
}
