namespace Mesh.Silo.Tests.Evm.Transfers;

/// <summary>The protocol's vault balance and the bridge escrow's balance of every asset on every chain, read from the nodes.</summary>
internal sealed class ChainBalances
{
    public Dictionary<(string Asset, string Chain), UInt128> Vault { get; } = [];

    public Dictionary<(string Asset, string Chain), UInt128> Escrow { get; } = [];

    /// <summary>The whole of an asset the mesh's contracts hold: every vault balance and every escrow.</summary>
    public UInt128 Total(string asset) =>
        Vault.Where(p => p.Key.Asset == asset).Concat(Escrow.Where(p => p.Key.Asset == asset)).Aggregate(UInt128.Zero, (total, p) => total + p.Value);
}
