using System.Numerics;

namespace Mesh.Grains.Rebalancing;

/// <summary>Exact conversions between base units of an asset and micro-USD at a price, rounded against the cap (values up, quantities down).</summary>
/// <param name="MicroUsdPerUnit">The price in micro-USD per whole unit, rounded up; above zero.</param>
/// <param name="Decimals">The asset's decimals.</param>
internal readonly record struct UsdValue(BigInteger MicroUsdPerUnit, int Decimals)
{
    /// <summary>The converter at <paramref name="price"/>; null when there is no usable price.</summary>
    /// <param name="price">USD per whole unit.</param>
    /// <param name="decimals">The asset's decimals.</param>
    /// <returns>The converter.</returns>
    public static UsdValue? At(decimal? price, int decimals) =>
        price is { } p && p > 0 ? new UsdValue(new BigInteger(decimal.Ceiling(p * 1_000_000m)), decimals) : null;

    /// <summary>The value of a quantity in micro-USD, rounded up (saturating).</summary>
    /// <param name="quantity">Base units.</param>
    /// <returns>Micro-USD.</returns>
    public UInt128 ValueOf(UInt128 quantity)
    {
        var scale = BigInteger.Pow(10, Decimals);
        var value = (((BigInteger)quantity * MicroUsdPerUnit) + scale - 1) / scale;
        return value > (BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)value;
    }

    /// <summary>The quantity a value buys, in base units, rounded down (saturating).</summary>
    /// <param name="value">Micro-USD.</param>
    /// <returns>Base units.</returns>
    public UInt128 QuantityOf(UInt128 value)
    {
        var quantity = (BigInteger)value * BigInteger.Pow(10, Decimals) / MicroUsdPerUnit;
        return quantity > (BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)quantity;
    }
}
