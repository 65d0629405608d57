namespace Mesh.TestGrains;

public sealed class TickGrain([PersistentState("ticks")] IPersistentState<List<DateTimeOffset>> ticks, TimeProvider clock) : Grain, ITickGrain, IRemindable
{
    private const string ReminderName = "tick";

    public async Task Start(TimeSpan period) => await this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task Stop()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<List<DateTimeOffset>> Ticks() => Task.FromResult(ticks.State.ToList());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Add(clock.GetUtcNow());
        await ticks.WriteStateAsync();
    }
}
