using Mesh.Api;
using Orleans.Runtime;

namespace Mesh.Grains.Api;

/// <summary>
/// One idempotency key: the first request's fingerprint, a lease for the attempt in flight, and the completed
/// response. Every change is written before the call returns, so a retry on another silo after a crash sees it.
/// </summary>
internal sealed class IdempotencyGrain([PersistentState("idempotency")] IPersistentState<IdempotencyState> state, TimeProvider clock) : Grain, IIdempotencyGrain
{
    public async Task<IdempotencyBegin> Begin(string fingerprint, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var s = state.State;
        if (s.Fingerprint.Length > 0 && !string.Equals(s.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return new IdempotencyBegin(IdempotencyOutcome.Mismatch, Guid.Empty, null, null);
        }

        if (s.StatusCode is { } status)
        {
            return new IdempotencyBegin(IdempotencyOutcome.Completed, Guid.Empty, null, new IdempotentResponse(status, s.ContentType, s.Location, s.Body ?? []));
        }

        var now = clock.GetUtcNow();
        if (s.LeaseExpiresAt is { } expires && expires > now)
        {
            return new IdempotencyBegin(IdempotencyOutcome.InProgress, Guid.Empty, expires, null);
        }

        s.Fingerprint = fingerprint;
        s.LeaseToken = Guid.NewGuid();
        s.LeaseExpiresAt = now + lease;
        s.Attempts++;
        await state.WriteStateAsync(cancellationToken);
        return new IdempotencyBegin(IdempotencyOutcome.Started, s.LeaseToken, s.LeaseExpiresAt, null, s.Attempts);
    }

    public async Task<bool> Complete(Guid leaseToken, IdempotentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var s = state.State;
        if (s.StatusCode is not null || s.LeaseToken != leaseToken || leaseToken == Guid.Empty)
        {
            return false;
        }

        s.StatusCode = response.StatusCode;
        s.ContentType = response.ContentType;
        s.Location = response.Location;
        s.Body = response.Body.ToArray();
        s.CompletedAt = clock.GetUtcNow();
        s.LeaseExpiresAt = null;
        await state.WriteStateAsync(cancellationToken);
        return true;
    }

    public async Task Release(Guid leaseToken, bool forgetRequest, CancellationToken cancellationToken = default)
    {
        var s = state.State;
        if (s.StatusCode is not null || s.LeaseToken != leaseToken || leaseToken == Guid.Empty)
        {
            return;
        }

        if (forgetRequest)
        {
            s.Fingerprint = string.Empty;
        }

        s.LeaseExpiresAt = null;
        s.LeaseToken = Guid.Empty;
        await state.WriteStateAsync(cancellationToken);
    }
}
