using System.Numerics;

namespace Mesh.Grains.Rebalancing.Allocation;

/// <summary>
/// Exact USD values of base-unit amounts: a value is an integer number of 10^-18 USD (a wad), priced with the oracle's
/// decimal price as it is (a mantissa and a power of ten), so that weights and sale sizes do not lose units to doubles.
/// </summary>
internal static class UsdWad
{
    /// <summary>One USD in wads.</summary>
    public static readonly BigInteger One = BigInteger.Pow(10, 18);

    /// <summary>The value of an amount in wads, rounded down.</summary>
    /// <param name="amount">Base units.</param>
    /// <param name="decimals">The token's decimals.</param>
    /// <param name="price">USD per whole token (&gt; 0).</param>
    /// <returns>The value.</returns>
    public static BigInteger Value(UInt128 amount, int decimals, decimal price)
    {
        var (mantissa, scale) = Split(price);
        return (BigInteger)amount * mantissa * One / BigInteger.Pow(10, decimals + scale);
    }

    /// <summary>The base units worth a value, rounded up (to sell at least the value) or down (what a value buys).</summary>
    /// <param name="value">The value in wads (≥ 0).</param>
    /// <param name="decimals">The token's decimals.</param>
    /// <param name="price">USD per whole token (&gt; 0).</param>
    /// <param name="roundUp">True to round up.</param>
    /// <returns>The amount.</returns>
    public static BigInteger Units(BigInteger value, int decimals, decimal price, bool roundUp)
    {
        var (mantissa, scale) = Split(price);
        var numerator = value * BigInteger.Pow(10, decimals + scale);
        var denominator = mantissa * One;
        var units = BigInteger.DivRem(numerator, denominator, out var remainder);
        return roundUp && remainder > 0 ? units + 1 : units;
    }

    /// <summary>A share in [0, 1] as a wad fraction (to 12 decimal places, far below any setting's meaning).</summary>
    /// <param name="share">The share.</param>
    /// <returns>The share × 10^18.</returns>
    public static BigInteger Share(double share) => new BigInteger(Math.Round((decimal)share, 12) * 1_000_000_000_000m) * 1_000_000;

    /// <summary>A value in USD as a double (for reporting).</summary>
    /// <param name="value">The value in wads.</param>
    /// <returns>USD.</returns>
    public static double ToUsd(BigInteger value) => (double)value / 1e18;

    /// <summary>A ratio of two values as a double (0 when the whole is 0).</summary>
    /// <param name="part">The part.</param>
    /// <param name="whole">The whole.</param>
    /// <returns>The ratio.</returns>
    public static double Ratio(BigInteger part, BigInteger whole) => whole.IsZero ? 0.0 : (double)(part * One / whole) / 1e18;

    private static (BigInteger Mantissa, int Scale) Split(decimal price)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be positive.");
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(price, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return (mantissa, (bits[3] >> 16) & 0xFF);
    }
}
