using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class FixedPointTests
{
    [Theory]
    [InlineData(10, 3, 4, 7, 8)]
    [InlineData(12, 1, 4, 3, 3)]
    [InlineData(1, 1, 3, 0, 1)]
    [InlineData(0, 5, 7, 0, 0)]
    public void MulDiv_Rows_RoundAsAsked(ulong a, ulong b, ulong d, ulong floor, ulong ceiling)
    {
        Assert.Equal((UInt128)floor, FixedPoint.MulDiv(a, b, d, Rounding.Floor));
        Assert.Equal((UInt128)ceiling, FixedPoint.MulDiv(a, b, d, Rounding.Ceiling));
    }

    [Fact]
    public void MulDiv_ProductAbove128Bits_IsExact()
    {
        var max = UInt128.MaxValue;

        Assert.Equal(max, FixedPoint.MulDiv(max, max, max, Rounding.Floor));
        Assert.Equal(max / 2 + 1, FixedPoint.MulDiv(max, FixedPoint.Ray, FixedPoint.Ray * 2, Rounding.Ceiling));
    }

    [Fact]
    public void MulDiv_QuotientAbove128Bits_ThrowsOverflowNamingIt()
    {
        var ex = Assert.Throws<OverflowException>(() => FixedPoint.MulDiv(UInt128.MaxValue, 2, 1, Rounding.Floor));

        Assert.Contains("does not fit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MulDiv_ZeroDivisor_ThrowsDivideByZero()
    {
        Assert.Throws<DivideByZeroException>(() => FixedPoint.MulDiv(1, 1, 0, Rounding.Floor));
    }

    [Theory]
    [InlineData("0.04", "40000000000000000000000000")]
    [InlineData("1", "1000000000000000000000000000")]
    [InlineData("0", "0")]
    [InlineData("0.000000000000000000000000001", "1")]
    [InlineData("0.0000000000000000000000000019", "1")]
    [InlineData("2.5", "2500000000000000000000000000")]
    public void ToRay_Decimals_ConvertExactly(string value, string expected)
    {
        var sut = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(UInt128.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FixedPoint.ToRay(sut));
    }

    [Fact]
    public void ToRay_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint.ToRay(-0.01m));
    }

    [Fact]
    public void WadAndRay_Constants_AreTenToThe18And27()
    {
        Assert.Equal(FixedPoint.Pow10(18), FixedPoint.Wad);
        Assert.Equal(FixedPoint.Pow10(27), FixedPoint.Ray);
        Assert.Equal((UInt128)1_500_000_000_000_000_000UL, FixedPoint.WadMul(3, FixedPoint.Wad / 2 * FixedPoint.Wad, Rounding.Floor));
    }
}
