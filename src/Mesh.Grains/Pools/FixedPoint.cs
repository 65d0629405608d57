using System.Numerics;

namespace Mesh.Grains.Pools;

/// <summary>
/// Exact fixed-point arithmetic on non-negative integers: WAD (10^18) and RAY (10^27) scaled values, products taken in
/// <see cref="BigInteger"/> so that nothing overflows in between, every division rounded in an explicit direction, and
/// every result that does not fit a <see cref="UInt128"/> refused with an <see cref="OverflowException"/>, never wrapped.
/// </summary>
internal static class FixedPoint
{
    /// <summary>One in WAD precision, 10^18.</summary>
    public static readonly UInt128 Wad = 1_000_000_000_000_000_000UL;

    /// <summary>One in RAY precision, 10^27.</summary>
    public static readonly UInt128 Ray = Wad * 1_000_000_000UL;

    /// <summary>Seconds in the year that annual rates refer to (365 days, leap years ignored, as Aave does).</summary>
    public const long SecondsPerYear = 365L * 24 * 60 * 60;

    /// <summary>(a × b) / d rounded as asked, exact and overflow checked.</summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="d">The divisor, not zero.</param>
    /// <param name="rounding">The rounding of the quotient.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="DivideByZeroException">When <paramref name="d"/> is zero.</exception>
    /// <exception cref="OverflowException">When the quotient does not fit a <see cref="UInt128"/>.</exception>
    public static UInt128 MulDiv(UInt128 a, UInt128 b, UInt128 d, Rounding rounding) =>
        ToUInt128(MulDiv((BigInteger)a, (BigInteger)b, (BigInteger)d, rounding), "a product quotient");

    /// <summary>(a × b) / d rounded as asked, over non-negative big integers.</summary>
    /// <param name="a">The first factor, not negative.</param>
    /// <param name="b">The second factor, not negative.</param>
    /// <param name="d">The divisor, positive.</param>
    /// <param name="rounding">The rounding of the quotient.</param>
    /// <returns>The quotient.</returns>
    public static BigInteger MulDiv(BigInteger a, BigInteger b, BigInteger d, Rounding rounding) =>
        Divide(a * b, d, rounding);

    /// <summary>n / d rounded as asked, over non-negative big integers.</summary>
    /// <param name="n">The dividend, not negative.</param>
    /// <param name="d">The divisor, positive.</param>
    /// <param name="rounding">The rounding of the quotient.</param>
    /// <returns>The quotient.</returns>
    public static BigInteger Divide(BigInteger n, BigInteger d, Rounding rounding)
    {
        if (d.IsZero)
        {
            throw new DivideByZeroException("Fixed-point division by zero.");
        }

        if (n.Sign < 0 || d.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "Fixed-point operands must not be negative.");
        }

        var q = BigInteger.DivRem(n, d, out var r);
        return rounding == Rounding.Ceiling && !r.IsZero ? q + 1 : q;
    }

    /// <summary>a × b / WAD rounded as asked.</summary>
    /// <param name="a">A value.</param>
    /// <param name="b">A WAD-scaled factor.</param>
    /// <param name="rounding">The rounding.</param>
    /// <returns>The product.</returns>
    public static UInt128 WadMul(UInt128 a, UInt128 b, Rounding rounding) => MulDiv(a, b, Wad, rounding);

    /// <summary>a × WAD / b rounded as asked.</summary>
    /// <param name="a">A value.</param>
    /// <param name="b">The divisor, not zero.</param>
    /// <param name="rounding">The rounding.</param>
    /// <returns>The WAD-scaled quotient.</returns>
    public static UInt128 WadDiv(UInt128 a, UInt128 b, Rounding rounding) => MulDiv(a, Wad, b, rounding);

    /// <summary>a × b / RAY rounded as asked.</summary>
    /// <param name="a">A value.</param>
    /// <param name="b">A RAY-scaled factor.</param>
    /// <param name="rounding">The rounding.</param>
    /// <returns>The product.</returns>
    public static UInt128 RayMul(UInt128 a, UInt128 b, Rounding rounding) => MulDiv(a, b, Ray, rounding);

    /// <summary>a × RAY / b rounded as asked.</summary>
    /// <param name="a">A value.</param>
    /// <param name="b">The divisor, not zero.</param>
    /// <param name="rounding">The rounding.</param>
    /// <returns>The RAY-scaled quotient.</returns>
    public static UInt128 RayDiv(UInt128 a, UInt128 b, Rounding rounding) => MulDiv(a, Ray, b, rounding);

    /// <summary>Narrows a big integer to a <see cref="UInt128"/>, refusing what does not fit.</summary>
    /// <param name="value">The value.</param>
    /// <param name="what">What the value is, for the message.</param>
    /// <returns>The value as a <see cref="UInt128"/>.</returns>
    /// <exception cref="OverflowException">When the value is negative or above <see cref="UInt128.MaxValue"/>.</exception>
    public static UInt128 ToUInt128(BigInteger value, string what)
    {
        if (value.Sign < 0 || value > UInt128.MaxValue)
        {
            throw new OverflowException($"{what} ({value}) does not fit an unsigned 128-bit integer.");
        }

        return (UInt128)value;
    }

    /// <summary>
    /// Converts a non-negative decimal fraction (0.04 for 4%) to RAY exactly; digits beyond the 27th decimal place,
    /// which a decimal can hold only at scale 28, are rounded down.
    /// </summary>
    /// <param name="value">The fraction, not negative.</param>
    /// <returns>The value × 10^27.</returns>
    public static UInt128 ToRay(decimal value)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A RAY fraction must not be negative.");
        }

        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = value.Scale;
        var scaled = scale <= 27
            ? mantissa * BigInteger.Pow(10, 27 - scale)
            : mantissa / BigInteger.Pow(10, scale - 27);
        return ToUInt128(scaled, "a RAY fraction");
    }

    /// <summary>10^exponent as a <see cref="UInt128"/>.</summary>
    /// <param name="exponent">From 0 to 38.</param>
    /// <returns>The power of ten.</returns>
    public static UInt128 Pow10(int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 38);
        return ToUInt128(BigInteger.Pow(10, exponent), "a power of ten");
    }
}
