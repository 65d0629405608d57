namespace Mesh.Grains.Transfers;

/// <summary>The claims of transfers on one chain's bridge liquidity of one asset (plain data).</summary>
public sealed class TransferInventoryState
{
    /// <summary>Gets or sets the claims by id, base units.</summary>
    public Dictionary<string, UInt128> Claims { get; set; } = new(StringComparer.Ordinal);
}
