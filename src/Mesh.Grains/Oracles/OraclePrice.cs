using System.Globalization;
using System.Numerics;

namespace Mesh.Grains.Oracles;

/// <summary>
/// An exact fixed-point price: <see cref="Mantissa"/> × 10^−<see cref="Decimals"/> in the quote currency (Chainlink
/// USD feeds use 8 decimals). Risk math converts it with <see cref="ToDouble"/>; money never does.
/// </summary>
/// <param name="Mantissa">The integer mantissa.</param>
/// <param name="Decimals">The number of decimals, 0 to <see cref="MaxDecimals"/>.</param>
internal readonly record struct OraclePrice(long Mantissa, int Decimals)
{
    /// <summary>The most decimals a price may carry (a <see cref="long"/> mantissa holds about 18.9 digits).</summary>
    public const int MaxDecimals = 18;

    /// <summary>Gets a value indicating whether the price is above zero.</summary>
    public bool IsPositive => Mantissa > 0;

    /// <summary>Converts an untrusted decimal, rounding half to even at <paramref name="decimals"/>.</summary>
    /// <param name="value">The price.</param>
    /// <param name="decimals">The decimals of the result.</param>
    /// <returns>The fixed-point price.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The decimals or the value are out of range.</exception>
    public static OraclePrice FromDecimal(decimal value, int decimals)
    {
        CheckDecimals(decimals);
        var scale = Pow10Decimal(decimals);
        var scaled = Math.Abs(value) < long.MaxValue / scale ? Math.Round(value * scale, MidpointRounding.ToEven) : decimal.MaxValue;
        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            throw OracleErrors.Invalid("price", OracleErrors.PriceOutOfRange, $"The price {value} does not fit in {decimals} decimals.");
        }

        return new OraclePrice((long)scaled, decimals);
    }

    /// <summary>Converts an untrusted double (finite only), rounding to nearest at <paramref name="decimals"/>.</summary>
    /// <param name="value">The price.</param>
    /// <param name="decimals">The decimals of the result.</param>
    /// <returns>The fixed-point price.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The value is not finite or out of range.</exception>
    public static OraclePrice FromDouble(double value, int decimals)
    {
        CheckDecimals(decimals);
        if (!double.IsFinite(value))
        {
            throw OracleErrors.Invalid("price", OracleErrors.PriceNotFinite, $"The price {value} is not a finite number.");
        }

        var scaled = Math.Round(value * Math.Pow(10, decimals), MidpointRounding.ToEven);
        if (!(Math.Abs(scaled) < 9.2e18))
        {
            throw OracleErrors.Invalid("price", OracleErrors.PriceOutOfRange, $"The price {value} does not fit in {decimals} decimals.");
        }

        return new OraclePrice((long)scaled, decimals);
    }

    /// <summary>The same price with <paramref name="decimals"/> decimals; fewer decimals round half to even.</summary>
    /// <param name="decimals">The decimals of the result.</param>
    /// <returns>The rescaled price.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The decimals are out of range or the result does not fit.</exception>
    public OraclePrice Rescale(int decimals)
    {
        CheckDecimals(decimals);
        CheckDecimals(Decimals);
        if (decimals == Decimals)
        {
            return this;
        }

        BigInteger result;
        if (decimals > Decimals)
        {
            result = Mantissa * BigInteger.Pow(10, decimals - Decimals);
        }
        else
        {
            var divisor = BigInteger.Pow(10, Decimals - decimals);
            var quotient = BigInteger.DivRem(Mantissa, divisor, out var remainder);
            var twice = BigInteger.Abs(remainder) * 2;
            if (twice > divisor || (twice == divisor && !quotient.IsEven))
            {
                quotient += Mantissa < 0 ? -1 : 1;
            }

            result = quotient;
        }

        if (result > long.MaxValue || result < long.MinValue)
        {
            throw OracleErrors.Invalid("price", OracleErrors.PriceOutOfRange, $"The price {this} does not fit in {decimals} decimals.");
        }

        return new OraclePrice((long)result, decimals);
    }

    /// <summary>The price as a double, for risk math.</summary>
    /// <returns>Mantissa × 10^−Decimals.</returns>
    public double ToDouble() => Mantissa / Math.Pow(10, Decimals);

    /// <summary>The price as an exact decimal.</summary>
    /// <returns>Mantissa × 10^−Decimals.</returns>
    public decimal ToDecimal() => Mantissa / Pow10Decimal(Decimals);

    /// <inheritdoc/>
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10Decimal(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static void CheckDecimals(int decimals)
    {
        if (decimals is < 0 or > MaxDecimals)
        {
            throw OracleErrors.Invalid("price.decimals", OracleErrors.DecimalsOutOfRange, $"Decimals must be between 0 and {MaxDecimals}; got {decimals}.");
        }
    }
}
