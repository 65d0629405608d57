using Mesh.Errors;
using Mesh.Grains.Hosting;
using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>The allocation round of <see cref="RebalanceCoordinatorGrain"/>.</summary>
internal sealed partial class RebalanceCoordinatorGrain
{
    private UInt128? _claimed;

    private async Task RoundAsync(List<PendingOperation> batch)
    {
        var now = time.GetUtcNow();
        MarketReading? reading = null;
        var written = false;
        try
        {
            var dirty = SyncFlow(now);
            foreach (var operation in batch)
            {
                dirty |= Apply(operation, now);
            }

            dirty |= Book.Sweep(now, Options.RetainFinishedFor, Options.RetainFinishedMax);
            var allocate = Options.AllocateOnRequest || batch.Any(o => o.Kind == PendingKind.Allocate);
            if ((allocate && Book.QueuedCount > 0) || batch.Any(o => o.Kind is PendingKind.View or PendingKind.Allocate))
            {
                reading = await ReadMarketAsync();
            }

            if (allocate && Book.QueuedCount > 0)
            {
                dirty |= await AllocateAsync(reading!, now);
            }

            Book.CheckConservation();
            if (dirty)
            {
                written = true;
                await state.WriteOrRestoreAsync(this, () => _book = null, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRoundFailed(logger, Asset, batch.Count, exception);
            _claimed = null;
            if (!written)
            {
                await RestoreAsync();
            }

            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }

            return;
        }

        await SyncClaimAsync();
        await ScheduleAsync();
        foreach (var operation in batch)
        {
            await AnswerAsync(operation, reading, now);
        }
    }

    /// <summary>Applies one call to the book; a refusal is kept for its answer and changes nothing.</summary>
    private bool Apply(PendingOperation operation, DateTimeOffset now)
    {
        try
        {
            switch (operation.Kind)
            {
                case PendingKind.Request:
                    return Admit(operation.Request!, now);
                case PendingKind.Complete:
                    var completed = Book.Complete(operation.RequestId!, operation.Executed, now);
                    if (completed.Changed)
                    {
                        Absorbed(operation.Executed, now);
                    }

                    return completed.Changed;
                case PendingKind.Release:
                    return Book.Release(operation.RequestId!, operation.Reason!, now).Changed;
                default:
                    return false;
            }
        }
        catch (MeshException refusal)
        {
            operation.Refusal = refusal;
            return false;
        }
    }

    private bool Admit(SaleRequest request, DateTimeOffset now)
    {
        if (Book.Find(request.RequestId) is { } known)
        {
            if (known.Vault != request.Vault || known.ProtocolId != request.ProtocolId || known.Quantity != request.Quantity)
            {
                throw new MeshException(MeshErrorKind.Conflict, "request.id_reused", $"Request {request.RequestId} was {known.Quantity} for {known.Vault} of {known.ProtocolId}; the id cannot be reused.", "requestId");
            }

            return false;
        }

        if (Book.QueuedCount >= Options.MaxQueued)
        {
            Book.Refuse(request, "queue.full", now);
            return true;
        }

        Book.Admit(request, now, Options.QueueTtl);
        return true;
    }

    /// <summary>Creates, resizes or drops the flow budget as the settings say (the adaptive policy only).</summary>
    private bool SyncFlow(DateTimeOffset now)
    {
        var flow = Rules.Policy == RebalancePolicy.Adaptive ? Rules.Flow : null;
        switch (flow, state.State.Flow)
        {
            case (null, null):
                return false;
            case (null, _):
                state.State.Flow = null;
                return true;
            case ({ } f, null):
                state.State.Flow = TokenBucket.Full(f.Capacity, f.RefillPerSecond, now);
                return true;
            case ({ } f, { } bucket) when bucket.Capacity != f.Capacity || bucket.RatePerSecond != f.RefillPerSecond:
                bucket.Tokens = UInt128.Min(bucket.Available(now), f.Capacity);
                (bucket.Capacity, bucket.RatePerSecond) = (f.Capacity, f.RefillPerSecond);
                return true;
            default:
                return false;
        }
    }

    private async Task AnswerAsync(PendingOperation operation, MarketReading? reading, DateTimeOffset now)
    {
        if (operation.Refusal is { } refusal)
        {
            operation.Fail(refusal);
            return;
        }

        switch (operation.Kind)
        {
            case PendingKind.View or PendingKind.Allocate:
                try
                {
                    operation.View.TrySetResult(await BuildViewAsync(reading!, now));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    operation.Fail(exception);
                }

                break;
            case PendingKind.Tick:
                operation.Grant.TrySetResult(null);
                break;
            default:
                operation.Grant.TrySetResult(Book.Find(operation.RequestId!)?.ToGrant(Asset));
                break;
        }
    }

    /// <summary>After a failed round: the last durable state (the round's changes are gone; its calls fail and may be retried).</summary>
    private async Task RestoreAsync()
    {
        try
        {
            await state.ReadStateAsync(CancellationToken.None);
            _book = null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRestoreFailed(logger, Asset, exception);
            DeactivateOnIdle();
        }
    }
}
