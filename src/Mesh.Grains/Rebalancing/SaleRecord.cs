using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>A sale request as the coordinator persists it (plain, versionable data).</summary>
internal sealed class SaleRecord
{
    /// <summary>Gets or sets the request's id.</summary>
    public string RequestId { get; set; } = "";

    /// <summary>Gets or sets the vault's grain key.</summary>
    public string Vault { get; set; } = "";

    /// <summary>Gets or sets the vault's protocol.</summary>
    public string ProtocolId { get; set; } = "";

    /// <summary>Gets or sets what was asked for, in base units.</summary>
    public UInt128 Quantity { get; set; }

    /// <summary>Gets or sets the health factor when it asked.</summary>
    public double HealthFactor { get; set; }

    /// <summary>Gets or sets whether it is a liquidation.</summary>
    public bool Liquidation { get; set; }

    /// <summary>Gets or sets the seller's haircut on the asset; null when it did not say.</summary>
    public double? Haircut { get; set; }

    /// <summary>Gets or sets the haircut on the proceeds when they stay as collateral (a shift); null when they repay debt.</summary>
    public double? ProceedsHaircut { get; set; }

    /// <summary>Gets or sets the arrival order at the coordinator.</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets where the request stands.</summary>
    public GrantStatus Status { get; set; }

    /// <summary>Gets or sets what may be sold; zero unless granted.</summary>
    public UInt128 Granted { get; set; }

    /// <summary>Gets or sets the grant's value in micro-USD as it was claimed from the global budget (zero without one).</summary>
    public UInt128 Value { get; set; }

    /// <summary>Gets or sets what was reported sold.</summary>
    public UInt128 Executed { get; set; }

    /// <summary>Gets or sets the stable code of a partial grant, a queue, a refusal, a release or an expiry.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets when the coordinator first saw it.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Gets or sets when it was granted.</summary>
    public DateTimeOffset? GrantedAt { get; set; }

    /// <summary>Gets or sets the deadline of the queue or of the grant; null once finished.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Gets or sets when it finished (completed, released, expired, refused).</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Gets or sets, while queued, the estimated wait for room.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Gets whether the request is queued or granted (counts in the book).</summary>
    public bool IsOpen => Status is GrantStatus.Queued or GrantStatus.Granted;

    /// <summary>The record as the contract shows it.</summary>
    /// <param name="asset">The market's asset.</param>
    /// <returns>The grant.</returns>
    public SaleGrant ToGrant(string asset) =>
        new(RequestId, asset, Vault, ProtocolId, Status, Quantity, Granted, Executed, Reason, RequestedAt, GrantedAt, ExpiresAt, Status == GrantStatus.Queued ? RetryAfter : null);
}
