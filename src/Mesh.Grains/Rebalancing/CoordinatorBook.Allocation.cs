using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>The allocation round of <see cref="CoordinatorBook"/>.</summary>
internal sealed partial class CoordinatorBook
{
    /// <summary>Gets what the queued requests ask for in total.</summary>
    public UInt128 QueuedQuantity => state.Open.Values.Where(r => r.Status == GrantStatus.Queued).Aggregate(UInt128.Zero, (sum, r) => UInt128.MaxValue - sum < r.Quantity ? UInt128.MaxValue : sum + r.Quantity);

    /// <summary>Gets the queued requests.</summary>
    public IEnumerable<SaleRecord> Queued => state.Open.Values.Where(r => r.Status == GrantStatus.Queued);

    /// <summary>Grants queued requests out of <paramref name="room"/> (<see cref="GrantAllocator"/>); the rest stay queued with <paramref name="waitReason"/>.</summary>
    /// <param name="room">What may be granted this round, already within every cap.</param>
    /// <param name="rules">Order, dust and fairness.</param>
    /// <param name="valueOf">The micro-USD value of a granted quantity (zero without a global budget).</param>
    /// <param name="now">The moment.</param>
    /// <param name="grantTtl">How long a grant stays usable.</param>
    /// <param name="waitReason">The code for requests left queued (what bound the room).</param>
    /// <param name="retryAfter">The estimated wait for those left queued.</param>
    /// <param name="byArrivalTime">First come is by the time a request arrived, then its id, instead of the order its call was taken in (for runs that repeat exactly).</param>
    /// <returns>How much was granted, and to how many requests.</returns>
    public (UInt128 Quantity, int Grants) Allocate(UInt128 room, AllocationRules rules, Func<UInt128, UInt128> valueOf, DateTimeOffset now, TimeSpan grantTtl, string waitReason, TimeSpan? retryAfter, bool byArrivalTime = false)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var queued = byArrivalTime
            ? [.. Queued.OrderBy(r => r.RequestedAt).ThenBy(r => r.RequestId, StringComparer.Ordinal)]
            : Queued.ToList();
        var candidates = queued.Select((r, i) => new AllocationCandidate(r.RequestId, r.ProtocolId, r.Quantity, r.HealthFactor, r.Liquidation, byArrivalTime ? i : r.Sequence)).ToList();
        var total = UInt128.Zero;
        var grants = room == UInt128.Zero ? [] : GrantAllocator.Allocate(candidates, room, rules);
        foreach (var grant in grants)
        {
            var record = state.Open[grant.RequestId];
            record.Status = GrantStatus.Granted;
            record.Granted = grant.Granted;
            record.Value = valueOf(grant.Granted);
            record.Reason = grant.Outcome == SaleOutcome.Partial ? "room.partial" : null;
            record.GrantedAt = now;
            Diagnostics.GrainsMetrics.Granted(record.RequestedAt, now);
            record.ExpiresAt = now + grantTtl;
            record.RetryAfter = null;
            state.InFlight += grant.Granted;
            state.InFlightValue += record.Value;
            state.Granted++;
            GrantedCount++;
            total += grant.Granted;
        }

        if (total > UInt128.Zero && state.Flow is { } flow && !flow.TryTake(total, now, out _))
        {
            throw new InvalidOperationException($"The round granted {total}, more than the flow budget holds ({flow.Tokens}).");
        }

        foreach (var record in queued.Where(r => r.Status == GrantStatus.Queued))
        {
            record.Reason = waitReason;
            record.RetryAfter = retryAfter;
        }

        return (total, grants.Count);
    }
}
