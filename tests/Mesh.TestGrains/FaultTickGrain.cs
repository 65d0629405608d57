using Orleans.Runtime;

namespace Mesh.TestGrains;

/// <summary>Records every tick of a durable reminder (Mesh.TestSilo lowers the reminder floor to 1 s).</summary>
public sealed class FaultTickGrain(
    [PersistentState("fault-ticks")] IPersistentState<List<FaultTick>> ticks,
    ILocalSiloDetails silo,
    TimeProvider clock) : Grain, IFaultTickGrain, IRemindable
{
    private const string ReminderName = "fault-tick";

    public async Task Start(TimeSpan period)
    {
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task Stop()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<List<FaultTick>> Ticks() => Task.FromResult(ticks.State.ToList());

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Add(new FaultTick(clock.GetUtcNow(), silo.SiloAddress.ToParsableString(), new DateTimeOffset(status.CurrentTickTime.ToUniversalTime(), TimeSpan.Zero)));
        await ticks.WriteStateAsync();
    }
}
