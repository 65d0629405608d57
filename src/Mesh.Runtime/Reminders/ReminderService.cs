using System.Collections.Concurrent;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Runtime.Reminders;

/// <summary>
/// Fires durable reminders. Each tick is claimed in the table (advancing <c>next_due</c> in one conditional update)
/// before it is delivered, so a tick fires at most once even if several silos believe they own the reminder; a tick
/// that came due while no silo ran fires once, promptly, when the reminder is loaded again.
/// </summary>
internal sealed partial class ReminderService(IReminderTable table, GrainRuntime runtime, RuntimeOptions options, ILogger<ReminderService> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = new();

    public async Task StartAsync(IReadOnlyCollection<int>? partitions, CancellationToken cancellationToken)
    {
        foreach (var entry in await table.ReadAsync(partitions, cancellationToken))
        {
            Schedule(entry);
        }
    }

    public async Task RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time must be zero or positive.");
        }

        if (period < options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder's period must be at least {options.MinimumReminderPeriod} (Mesh:Runtime:MinimumReminderPeriod).");
        }

        var start = DateTimeOffset.FromUnixTimeMilliseconds((runtime.TimeProvider.GetUtcNow() + dueTime).ToUnixTimeMilliseconds());
        var entry = new ReminderEntry(grainId, name, start, period, start);
        var (partition, fence) = runtime.Locator.GetFence(grainId);
        await table.UpsertAsync(entry, partition, fence, cancellationToken);
        Schedule(entry);
    }

    public async Task UnregisterAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        var (_, fence) = runtime.Locator.GetFence(grainId);
        if (!await table.DeleteAsync(grainId, name, fence, cancellationToken) && await table.ReadAsync(grainId, name, cancellationToken) is not null)
        {
            throw new InconsistentStateException($"Reminder {name} of {grainId} was not removed: this silo's lease epoch {fence.Epoch} on partition {fence.Partition} is no longer current.", 0, null);
        }

        if (_scheduled.TryRemove((grainId, name), out var scheduled))
        {
            scheduled.Dispose();
        }
    }

    /// <summary>Stops firing the reminders of grains matching <paramref name="predicate"/> (used when partitions move away).</summary>
    public void StopWhere(Func<GrainId, bool> predicate)
    {
        foreach (var (key, scheduled) in _scheduled)
        {
            if (predicate(key.GrainId) && _scheduled.TryRemove(key, out _))
            {
                scheduled.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var scheduled in _scheduled.Values)
        {
            scheduled.Dispose();
        }

        _scheduled.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Schedules the next tick. With <paramref name="replacing"/>, only if that schedule is still the current one (a
    /// reminder unregistered or moved away meanwhile stays gone). The timer starts only once it is registered, so a
    /// tick due at once cannot fire before its schedule is current.
    /// </summary>
    private void Schedule(ReminderEntry entry, ScheduledReminder? replacing = null)
    {
        var key = (entry.GrainId, entry.Name);
        var scheduled = new ScheduledReminder(entry);
        scheduled.Timer = runtime.TimeProvider.CreateTimer(
            static s => { var (service, reminder) = ((ReminderService, ScheduledReminder))s!; _ = service.FireAsync(reminder); },
            (this, scheduled),
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        if (replacing is null)
        {
            _scheduled.AddOrUpdate(key, scheduled, (_, previous) =>
            {
                previous.Dispose();
                return scheduled;
            });
        }
        else if (_scheduled.TryUpdate(key, scheduled, replacing))
        {
            replacing.Dispose();
        }
        else
        {
            scheduled.Dispose();
            return;
        }

        var dueIn = entry.NextDue - runtime.TimeProvider.GetUtcNow();
        scheduled.Timer.Change(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan);
    }

    private async Task FireAsync(ScheduledReminder scheduled)
    {
        var entry = scheduled.Entry;
        if (!_scheduled.TryGetValue((entry.GrainId, entry.Name), out var current) || !ReferenceEquals(current, scheduled))
        {
            return;
        }

        try
        {
            var next = entry.NextTickAfter(runtime.TimeProvider.GetUtcNow());
            var (_, fence) = runtime.Locator.GetFence(entry.GrainId);
            if (await table.TryAdvanceAsync(entry.GrainId, entry.Name, entry.NextDue, next, fence, CancellationToken.None))
            {
                Schedule(entry with { NextDue = next }, scheduled);
                await DeliverAsync(entry);
                return;
            }

            var stored = await table.ReadAsync(entry.GrainId, entry.Name, CancellationToken.None);
            if (stored is null)
            {
                _scheduled.TryRemove(new KeyValuePair<(GrainId, string), ScheduledReminder>((entry.GrainId, entry.Name), scheduled));
                scheduled.Dispose();
            }
            else
            {
                Schedule(stored, scheduled);
            }
        }
        catch (Exception exception)
        {
            LogReminderFailed(exception, entry.Name, entry.GrainId);
            Schedule(entry with { NextDue = runtime.TimeProvider.GetUtcNow() + options.ReminderRetryDelay }, scheduled);
        }
    }

    private async Task DeliverAsync(ReminderEntry entry)
    {
        try
        {
            var status = new TickStatus(entry.StartAt, entry.Period, entry.NextDue);
            await runtime.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.Name, status);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(exception, entry.Name, entry.GrainId, entry.NextDue);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} threw on its tick due {DueTime}")]
    private partial void LogDeliveryFailed(Exception exception, string reminderName, GrainId grainId, DateTimeOffset dueTime);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} could not be claimed; retrying")]
    private partial void LogReminderFailed(Exception exception, string reminderName, GrainId grainId);

    private sealed class ScheduledReminder(ReminderEntry entry) : IDisposable
    {
        public ReminderEntry Entry { get; } = entry;

        public ITimer? Timer { get; set; }

        public void Dispose() => Timer?.Dispose();
    }
}
