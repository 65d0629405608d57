namespace Mesh.Rebalancing;

/// <summary>The state of a sale request at the coordinator.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Asset">The market's asset.</param>
/// <param name="Vault">The vault's grain key.</param>
/// <param name="ProtocolId">The vault's protocol.</param>
/// <param name="Status">Where the request stands.</param>
/// <param name="Requested">What was asked for, in base units of the asset.</param>
/// <param name="Granted">What may be sold (zero unless granted); may be below the request (partial) or, by the dust rule, the whole request.</param>
/// <param name="Executed">What was reported sold.</param>
/// <param name="Reason">A stable code for a partial grant, a queue, a refusal or an expiry (for example <c>room.partial</c>, <c>room.none</c>, <c>dust</c>); null for a full grant.</param>
/// <param name="RequestedAt">When the coordinator first saw the request.</param>
/// <param name="GrantedAt">When it was granted; null before.</param>
/// <param name="ExpiresAt">The deadline: of the queue while queued, of the grant while granted; null once finished.</param>
/// <param name="RetryAfter">For a queued request, the coordinator's estimate of the wait for room; null when not queued or unknown.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.sale-grant")]
public sealed record SaleGrant(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Asset,
    [property: Id(2)] string Vault,
    [property: Id(3)] string ProtocolId,
    [property: Id(4)] GrantStatus Status,
    [property: Id(5)] UInt128 Requested,
    [property: Id(6)] UInt128 Granted,
    [property: Id(7)] UInt128 Executed,
    [property: Id(8)] string? Reason,
    [property: Id(9)] DateTimeOffset RequestedAt,
    [property: Id(10)] DateTimeOffset? GrantedAt,
    [property: Id(11)] DateTimeOffset? ExpiresAt,
    [property: Id(12)] TimeSpan? RetryAfter);
