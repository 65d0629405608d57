namespace Mesh.Storage.Tests.Grains;

/// <summary>Writes its state on every change; counts reminder ticks in its state.</summary>
public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> state) : Grain, ILedgerGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task<long> Deposit(long amount)
    {
        state.State.Balance += amount;
        state.State.Owner = this.GetPrimaryKeyString();
        await state.WriteStateAsync();
        return state.State.Balance;
    }

    public async Task Arm(TimeSpan dueTime) => await this.RegisterOrUpdateReminder(ReminderName, dueTime, TimeSpan.FromMinutes(1));

    public Task<int> Ticks() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
