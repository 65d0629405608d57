namespace Mesh.Runtime.Reminders;

/// <summary>A durable reminder: fires at <see cref="StartAt"/> + n·<see cref="Period"/>; <see cref="NextDue"/> is the next unclaimed tick.</summary>
internal sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, DateTimeOffset NextDue)
{
    /// <summary>Returns the first tick strictly after both <paramref name="now"/> and the current <see cref="NextDue"/>.</summary>
    public DateTimeOffset NextTickAfter(DateTimeOffset now)
    {
        var after = now > NextDue ? now : NextDue;
        var elapsed = after - StartAt;
        var ticks = elapsed < TimeSpan.Zero ? 0 : (elapsed.Ticks / Period.Ticks) + 1;
        return StartAt + TimeSpan.FromTicks(ticks * Period.Ticks);
    }
}
