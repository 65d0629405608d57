namespace Mesh.Storage.Tests.Grains;

/// <summary>A test grain with persisted state and a reminder, to drive the storage the way a Mesh grain does.</summary>
[Alias("mesh.tests.ledger")]
public interface ILedgerGrain : IGrainWithStringKey
{
    [Alias("deposit")]
    Task<long> Deposit(long amount);

    [Alias("arm")]
    Task Arm(TimeSpan dueTime);

    [Alias("ticks")]
    Task<int> Ticks();
}
