namespace Mesh.Grains.Rebalancing;

/// <summary>A coordinator's persisted state: its open requests, the finished ones kept for retries, and its counters.</summary>
internal sealed class CoordinatorState
{
    /// <summary>Gets or sets the queued and granted requests by id.</summary>
    public Dictionary<string, SaleRecord> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the finished requests by id, kept for retries for a bounded time and count.</summary>
    public Dictionary<string, SaleRecord> Finished { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the last arrival number given.</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the quantity granted and not yet completed, released or expired (Maker's <c>ilk.dirt</c>).</summary>
    public UInt128 InFlight { get; set; }

    /// <summary>Gets or sets the value in flight in micro-USD: the market's claim on the global budget.</summary>
    public UInt128 InFlightValue { get; set; }

    /// <summary>Gets or sets how many grants were made.</summary>
    public long Granted { get; set; }

    /// <summary>Gets or sets how many grants completed.</summary>
    public long Completed { get; set; }

    /// <summary>Gets or sets how many grants and queued requests expired.</summary>
    public long Expired { get; set; }

    /// <summary>Gets or sets the flow budget; null when the market has none.</summary>
    public TokenBucket? Flow { get; set; }
}
