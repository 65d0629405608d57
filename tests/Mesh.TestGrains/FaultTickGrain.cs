using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Mesh.TestGrains;

/// <remarks>
/// Orleans refuses reminder periods under <see cref="ReminderOptions.MinimumReminderPeriod"/> (one minute) when a
/// grain registers one, and the host offers no setting for it. A test needs ticks every second or two, so
/// <see cref="Start"/> lowers the floor of the silo it runs on before registering. That check is the only place
/// Orleans reads the floor: the reminder table, the reminder service that owns the range and the one that takes it
/// over after a failure run unchanged.
/// </remarks>
public sealed class FaultTickGrain(
    [PersistentState("fault-ticks")] IPersistentState<List<FaultTick>> ticks,
    IOptions<ReminderOptions> reminderOptions,
    ILocalSiloDetails silo,
    TimeProvider clock) : Grain, IFaultTickGrain, IRemindable
{
    private const string ReminderName = "fault-tick";

    public async Task Start(TimeSpan period)
    {
        var options = reminderOptions.Value;
        if (period < options.MinimumReminderPeriod)
        {
            options.MinimumReminderPeriod = period;
        }

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
