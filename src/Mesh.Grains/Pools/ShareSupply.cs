using System.Numerics;

namespace Mesh.Grains.Pools;

/// <summary>What the share price is made of: the assets the lenders own, the shares in issue and the virtual offset.</summary>
/// <param name="TotalAssets">The assets that belong to the share holders (not the protocol reserve).</param>
/// <param name="TotalShares">The shares in issue.</param>
/// <param name="DecimalsOffset">
/// The virtual offset against the inflation attack: conversions price against TotalShares + 10^offset shares and
/// TotalAssets + 1 assets, so that an empty pool has a price and a donation mostly enriches the virtual holder.
/// </param>
internal readonly record struct ShareSupply(UInt128 TotalAssets, UInt128 TotalShares, int DecimalsOffset)
{
    /// <summary>The shares the price is computed against, real plus virtual.</summary>
    public BigInteger VirtualShares =>
        (BigInteger)TotalShares + (BigInteger)FixedPoint.Pow10(DecimalsOffset);

    /// <summary>The assets the price is computed against, real plus one virtual unit.</summary>
    public BigInteger VirtualAssets => (BigInteger)TotalAssets + 1;
}
