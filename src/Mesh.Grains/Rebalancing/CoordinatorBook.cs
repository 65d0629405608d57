using Mesh.Errors;
using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>
/// A coordinator's book over its persisted state, pure (no Orleans, no clock of its own): admits, grants, completes,
/// releases and expires requests, and keeps the in-flight figures equal to the sum of the open grants (checked by
/// <see cref="CheckConservation"/> after every change). Room and value are the caller's: the book never decides how
/// much the market can take, only who gets it (<see cref="GrantAllocator"/>).
/// </summary>
internal sealed partial class CoordinatorBook(CoordinatorState state)
{
    /// <summary>Gets the state.</summary>
    public CoordinatorState State => state;

    /// <summary>Gets how many requests are queued.</summary>
    public int QueuedCount => state.Open.Count - GrantedCount;

    /// <summary>Gets how many grants are open.</summary>
    public int GrantedCount { get; private set; } = state.Open.Values.Count(r => r.Status == GrantStatus.Granted);

    /// <summary>The request's record, open or finished; null when unknown (or forgotten).</summary>
    /// <param name="requestId">The id.</param>
    /// <returns>The record.</returns>
    public SaleRecord? Find(string requestId) =>
        state.Open.TryGetValue(requestId, out var open) ? open : state.Finished.GetValueOrDefault(requestId);

    /// <summary>Queues a new request (the next allocation decides it).</summary>
    /// <param name="request">The validated request, whose id the book does not know.</param>
    /// <param name="now">The moment.</param>
    /// <param name="queueTtl">How long it may wait.</param>
    /// <returns>The record.</returns>
    public SaleRecord Admit(SaleRequest request, DateTimeOffset now, TimeSpan queueTtl)
    {
        var record = NewRecord(request, now);
        record.Status = GrantStatus.Queued;
        record.Reason = "room.pending";
        record.ExpiresAt = now + queueTtl;
        state.Open.Add(record.RequestId, record);
        return record;
    }

    /// <summary>Records a request refused outright (kept for retries like any finished request).</summary>
    /// <param name="request">The validated request, whose id the book does not know.</param>
    /// <param name="reason">The stable code.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The record.</returns>
    public SaleRecord Refuse(SaleRequest request, string reason, DateTimeOffset now)
    {
        var record = NewRecord(request, now);
        record.Status = GrantStatus.Refused;
        record.Reason = reason;
        record.FinishedAt = now;
        state.Finished[record.RequestId] = record;
        return record;
    }

    /// <summary>Reports a grant as executed: it leaves the in-flight figures, and its unused part goes back to the flow budget. Idempotent.</summary>
    /// <param name="requestId">The id.</param>
    /// <param name="executed">What was sold; at most what was granted.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The record, and whether this call changed it.</returns>
    /// <exception cref="MeshException">Unknown id, executed above the grant, or the request is not (or no longer) granted.</exception>
    public (SaleRecord Record, bool Changed) Complete(string requestId, UInt128 executed, DateTimeOffset now)
    {
        var record = Require(requestId);
        switch (record.Status)
        {
            case GrantStatus.Completed when record.Executed == executed:
                return (record, false);
            case GrantStatus.Completed:
                throw new MeshException(MeshErrorKind.Conflict, "request.completed", $"Request {requestId} was completed with {record.Executed} executed, not {executed}.", "executed");
            case GrantStatus.Granted when executed > record.Granted:
                throw MeshException.Invalid("executed", "executed.above_grant", $"executed ({executed}) must be at most the grant ({record.Granted}).");
            case GrantStatus.Granted:
                Close(record, GrantStatus.Completed, record.Reason, now, executed);
                state.Completed++;
                return (record, true);
            default:
                throw new MeshException(MeshErrorKind.Conflict, "request.not_granted", $"Request {requestId} is {record.Status}{(record.Reason is null ? "" : $" ({record.Reason})")}: there is no grant to complete.", "requestId");
        }
    }

    /// <summary>Gives a grant or a queued request back unused. Idempotent: a finished request is returned as it stands.</summary>
    /// <param name="requestId">The id.</param>
    /// <param name="reason">Why, recorded as the reason.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The record, and whether this call changed it.</returns>
    /// <exception cref="MeshException">Unknown id.</exception>
    public (SaleRecord Record, bool Changed) Release(string requestId, string reason, DateTimeOffset now)
    {
        var record = Require(requestId);
        if (!record.IsOpen)
        {
            return (record, false);
        }

        Close(record, GrantStatus.Released, reason, now, UInt128.Zero);
        return (record, true);
    }

    /// <summary>Expires grants and queued requests past their deadline, and forgets the oldest finished ones beyond the retention.</summary>
    /// <param name="now">The moment.</param>
    /// <param name="retainFor">How long a finished request is kept.</param>
    /// <param name="retainMax">How many finished requests are kept at most.</param>
    /// <returns>Whether anything changed.</returns>
    public bool Sweep(DateTimeOffset now, TimeSpan retainFor, int retainMax)
    {
        var due = state.Open.Values.Where(r => r.ExpiresAt <= now).ToList();
        foreach (var record in due)
        {
            Close(record, GrantStatus.Expired, record.Status == GrantStatus.Granted ? "grant.expired" : "queue.expired", now, UInt128.Zero);
            state.Expired++;
        }

        var forgotten = state.Finished.Values.Where(r => r.FinishedAt < now - retainFor).Select(r => r.RequestId).ToList();
        if (state.Finished.Count - forgotten.Count > retainMax)
        {
            var keep = state.Finished.Values.Where(r => !(r.FinishedAt < now - retainFor)).OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Sequence).Take(retainMax).Select(r => r.RequestId).ToHashSet(StringComparer.Ordinal);
            forgotten = [.. state.Finished.Keys.Where(k => !keep.Contains(k))];
        }

        foreach (var id in forgotten)
        {
            state.Finished.Remove(id);
        }

        return due.Count > 0 || forgotten.Count > 0;
    }

    /// <summary>Checks that the in-flight figures are the sums over the open grants, and that every open record is where its status says.</summary>
    /// <exception cref="InvalidOperationException">The book is inconsistent: a bug, never a user's error.</exception>
    public void CheckConservation()
    {
        var (quantity, value, grants) = (UInt128.Zero, UInt128.Zero, 0);
        foreach (var record in state.Open.Values)
        {
            if (!record.IsOpen || record.Executed != UInt128.Zero)
            {
                throw new InvalidOperationException($"Open request {record.RequestId} is {record.Status} with {record.Executed} executed.");
            }

            if (record.Status == GrantStatus.Granted)
            {
                (quantity, value, grants) = (quantity + record.Granted, value + record.Value, grants + 1);
            }
            else if (record.Granted != UInt128.Zero || record.Value != UInt128.Zero)
            {
                throw new InvalidOperationException($"Queued request {record.RequestId} holds a grant of {record.Granted}.");
            }
        }

        if (quantity != state.InFlight || value != state.InFlightValue || grants != GrantedCount)
        {
            throw new InvalidOperationException(
                $"In flight is {state.InFlight} (value {state.InFlightValue}, {GrantedCount} grants) but the open grants sum to {quantity} (value {value}, {grants} grants).");
        }
    }

    private SaleRecord Require(string requestId) =>
        Find(requestId) ?? throw new MeshException(MeshErrorKind.NotFound, "request.unknown", $"The coordinator has no request {requestId} (never seen, or forgotten after it finished).", "requestId");

    private SaleRecord NewRecord(SaleRequest request, DateTimeOffset now) => new()
    {
        RequestId = request.RequestId,
        Vault = request.Vault,
        ProtocolId = request.ProtocolId,
        Quantity = request.Quantity,
        HealthFactor = request.HealthFactor,
        Liquidation = request.Liquidation,
        Haircut = request.Haircut,
        ProceedsHaircut = request.ProceedsHaircut,
        Sequence = ++state.Sequence,
        RequestedAt = now,
    };

    private void Close(SaleRecord record, GrantStatus status, string? reason, DateTimeOffset now, UInt128 executed)
    {
        if (record.Status == GrantStatus.Granted)
        {
            state.InFlight -= record.Granted;
            state.InFlightValue -= record.Value;
            GrantedCount--;
            state.Flow?.Return(record.Granted - executed, now);
        }

        record.Status = status;
        record.Reason = reason;
        record.Executed = executed;
        record.ExpiresAt = null;
        record.RetryAfter = null;
        record.FinishedAt = now;
        state.Open.Remove(record.RequestId);
        state.Finished[record.RequestId] = record;
    }
}
