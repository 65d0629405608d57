using Mesh.Errors;
using Mesh.Grains.Oracles;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Fixed-point prices: conversions, rescaling with half-even rounding, and untrusted inputs.</summary>
public sealed class OraclePriceTests
{
    [Theory]
    [InlineData(123456789, 8, 6, 1234568)]
    [InlineData(123456750, 8, 6, 1234568)]
    [InlineData(123456650, 8, 6, 1234566)]
    [InlineData(-123456750, 8, 6, -1234568)]
    [InlineData(12, 2, 8, 12000000)]
    [InlineData(5, 0, 0, 5)]
    public void Rescale_ToOtherDecimals_ExactOrRoundedHalfToEven(long mantissa, int decimals, int to, long expected) =>
        Assert.Equal(new OraclePrice(expected, to), new OraclePrice(mantissa, decimals).Rescale(to));

    [Fact]
    public void FromDecimal_Value_RoundedHalfToEvenAtTheDecimals()
    {
        Assert.Equal(new OraclePrice(200012345679, 8), OraclePrice.FromDecimal(2000.123456789m, 8));
        Assert.Equal(new OraclePrice(2, 0), OraclePrice.FromDecimal(2.5m, 0));
        Assert.Equal(2000.123456789m, OraclePrice.FromDecimal(2000.123456789m, 9).ToDecimal());
        Assert.Equal("2000.12345679", OraclePrice.FromDecimal(2000.123456789m, 8).ToString());
    }

    [Theory]
    [InlineData(double.NaN, "oracle.price_not_finite")]
    [InlineData(double.PositiveInfinity, "oracle.price_not_finite")]
    [InlineData(1e200, "oracle.price_out_of_range")]
    public void FromDouble_UntrustedValue_RefusedWithItsCode(double value, string code) =>
        Assert.Equal(code, Assert.Throws<MeshException>(() => OraclePrice.FromDouble(value, 8)).Code);

    [Fact]
    public void FromDecimal_TooLarge_RefusedAsOutOfRange() =>
        Assert.Equal("oracle.price_out_of_range", Assert.Throws<MeshException>(() => OraclePrice.FromDecimal(decimal.MaxValue, 18)).Code);

    [Fact]
    public void ToDouble_Price_MantissaTimesTenToMinusDecimals() =>
        Assert.Equal(2000.5, new OraclePrice(200050000000, 8).ToDouble(), 1e-12);
}
