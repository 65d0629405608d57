namespace Mesh.Storage.Tests.Grains;

/// <summary>The ledger's persisted state.</summary>
[GenerateSerializer]
[Alias("mesh.tests.ledger-state")]
public sealed class LedgerState
{
    [Id(0)]
    public long Balance { get; set; }

    [Id(1)]
    public string Owner { get; set; } = string.Empty;

    [Id(2)]
    public int Ticks { get; set; }
}
