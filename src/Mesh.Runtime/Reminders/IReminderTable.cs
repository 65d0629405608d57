using Mesh.Runtime.Persistence;

namespace Mesh.Runtime.Reminders;

/// <summary>Durable reminder rows. Updates are fenced by the partition epoch like grain state.</summary>
internal interface IReminderTable
{
    Task UpsertAsync(ReminderEntry entry, int partition, WriteFence fence, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(GrainId grainId, string name, WriteFence fence, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Reads the reminders of the given partitions, or of all partitions when <paramref name="partitions"/> is null.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAsync(IReadOnlyCollection<int>? partitions, CancellationToken cancellationToken);

    /// <summary>Claims the tick due at <paramref name="expectedNextDue"/> by moving the reminder to <paramref name="nextDue"/>; false if another claim won.</summary>
    Task<bool> TryAdvanceAsync(GrainId grainId, string name, DateTimeOffset expectedNextDue, DateTimeOffset nextDue, WriteFence fence, CancellationToken cancellationToken);
}
