namespace Mesh.Transfers;

/// <summary>
/// One bridge route's use (key <c>asset/from/to</c>, e.g. <c>USDC/local-a/local-b</c>): what is in transit on it
/// (bounded by the route's capacity) and its token-bucket rate limit (as Chainlink CCIP's), both from chains.json.
/// A transfer is admitted on every hop of its route before it holds anything, and completes when it ends (or, when
/// nothing crossed, returns its tokens).
/// Idempotent by transfer id.
/// </summary>
[Alias("mesh.transfer.route")]
public interface ITransferRouteGrain : IGrainWithStringKey
{
    /// <summary>Admits a transfer: puts its amount in transit and takes it from the bucket, when both allow it.</summary>
    /// <param name="transferId">The transfer's id; a repeat of an admitted transfer is admitted again without taking anything.</param>
    /// <param name="amount">Base units; above zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Null when admitted; else the refusal's stable code (<c>route.capacity</c>, <c>route.rate_limited</c>).</returns>
    [Alias("mesh.transfer.route.admit")]
    Task<string?> Admit(string transferId, UInt128 amount, CancellationToken cancellationToken = default);

    /// <summary>Takes an ended transfer out of transit (the bucket's tokens stay spent); unknown ids do nothing.</summary>
    /// <param name="transferId">The transfer's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    [Alias("mesh.transfer.route.complete")]
    Task Complete(string transferId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a transfer that ended without crossing (refused on another hop, failed, or compensated) out of transit and
    /// gives its amount back to the bucket, never above the capacity: only value that crossed spends the rate limit.
    /// Unknown ids do nothing, so a repeat gives nothing back twice.
    /// </summary>
    /// <param name="transferId">The transfer's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    [Alias("mesh.transfer.route.give_back")]
    Task GiveBack(string transferId, CancellationToken cancellationToken = default);

    /// <summary>What is in transit and what the bucket lets in now, base units.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>In transit, then available in the bucket.</returns>
    [Alias("mesh.transfer.route.load")]
    Task<(UInt128 InTransit, UInt128 BucketAvailable)> Load(CancellationToken cancellationToken = default);
}
