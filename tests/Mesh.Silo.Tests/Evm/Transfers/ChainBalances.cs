namespace Mesh.Silo.Tests.Evm.Transfers;

/// <summary>The protocol's vault balance and the bridge escrow's balance of one asset on every chain, read from the nodes.</summary>
internal sealed class ChainBalances
{
    public Dictionary<string, UInt128> Vault { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UInt128> Escrow { get; } = new(StringComparer.Ordinal);

    /// <summary>The whole asset the mesh's contracts hold: every vault balance and every escrow.</summary>
    public UInt128 Total => Vault.Values.Aggregate(UInt128.Zero, (a, b) => a + b) + Escrow.Values.Aggregate(UInt128.Zero, (a, b) => a + b);
}
