using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

public sealed class LedgerState
{
    public long Balance { get; set; }

    public List<string> Entries { get; set; } = [];

    public UInt128 BaseUnits { get; set; }
}

public interface ILedgerGrain : IGrainWithStringKey
{
    Task<long> Credit(long amount, string memo);

    [ReadOnly]
    Task<LedgerState> Read();

    [ReadOnly]
    Task<long> Version();

    Task Clear();

    Task CreditInMemoryOnly(long amount);

    Task Deactivate();
}

/// <summary>A grain with persistent state; also writes its state when deactivated.</summary>
public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> ledger, LifecycleLog log) : Grain, ILedgerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.Record(GrainKey, "activate");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Record(GrainKey, "deactivate:" + reason);
        if (reason == DeactivationReason.Shutdown)
        {
            await ledger.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<long> Credit(long amount, string memo)
    {
        ledger.State.Balance += amount;
        ledger.State.BaseUnits += (UInt128)amount;
        ledger.State.Entries.Add(memo);
        await ledger.WriteStateAsync();
        return ledger.State.Balance;
    }

    public Task<LedgerState> Read() => Task.FromResult(ledger.State);

    public Task<long> Version() => Task.FromResult(ledger.Version);

    public Task Clear() => ledger.ClearStateAsync();

    public Task CreditInMemoryOnly(long amount)
    {
        ledger.State.Balance += amount;
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
