using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Mesh.Api.Json;
using Mesh.Api.Problems;

namespace Mesh.Api.Tests.Json;

public sealed class AmountTests
{
    private static readonly JsonSerializerOptions Strict = StrictJson.CreateOptions();

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1500000", "1500000")]
    [InlineData("340282366920938463463374607431768211455", "340282366920938463463374607431768211455")]
    public void Parse_Digits_ReturnsExactValue(string text, string expected)
    {
        var sut = Amount.Parse(text, "amount");

        Assert.Equal(UInt128.Parse(expected, CultureInfo.InvariantCulture), sut.Value);
        Assert.Equal(expected, sut.ToString());
    }

    [Theory]
    [InlineData("0", "amount: zero")]
    [InlineData("000", "amount: zero")]
    [InlineData("340282366920938463463374607431768211456", "amount: exceeds 2^128-1")]
    [InlineData("1000000000000000000000000000000000000000000", "amount: exceeds 2^128-1")]
    [InlineData("-5", "amount: must not be negative")]
    [InlineData("1.5", "amount: must be a whole number of base units (no decimal point)")]
    [InlineData("1e18", "amount: must be a string of digits")]
    [InlineData(" 5", "amount: must be a string of digits")]
    [InlineData("+5", "amount: must be a string of digits")]
    [InlineData("0x10", "amount: must be a string of digits")]
    [InlineData("", "amount: must be a string of digits")]
    [InlineData(null, "amount: must be a string of digits")]
    [InlineData("0012", "amount: must not have leading zeros")]
    [InlineData("١٢", "amount: must be a string of digits")]
    public void Parse_Refused_ThrowsNamingFieldAndReason(string? text, string expected)
    {
        var error = Assert.Throws<ApiException>(() => Amount.Parse(text, "amount"));

        Assert.Equal(expected, error.Message);
        Assert.Equal("amount", error.Field);
        Assert.Equal(ApiErrorCodes.InvalidAmount, error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData("""{"amount":5}""", "amount: must be a string of digits (amounts travel as JSON strings, not numbers)")]
    [InlineData("""{"amount":"0"}""", "amount: zero")]
    [InlineData("""{"amount":"-1"}""", "amount: must not be negative")]
    [InlineData("""{"amount":true}""", "amount: must be a string of digits")]
    public void Deserialize_BadAmountInBody_NamesTheField(string json, string expected)
    {
        var error = Assert.Throws<ApiException>(() => StrictJson.Deserialize<Deposit>(System.Text.Encoding.UTF8.GetBytes(json), Strict));

        Assert.Equal(expected, error.Message);
        Assert.Equal("amount", error.Field);
        Assert.Equal(ApiErrorCodes.InvalidAmount, error.Code);
    }

    [Fact]
    public void Serialize_Amount_IsAJsonStringThatReadsBack()
    {
        var sut = new Deposit(new Amount(UInt128.MaxValue));

        var json = JsonSerializer.Serialize(sut, Strict);

        Assert.Equal("""{"amount":"340282366920938463463374607431768211455"}""", json);
        Assert.Equal(sut, StrictJson.Deserialize<Deposit>(System.Text.Encoding.UTF8.GetBytes(json), Strict));
    }

    [Fact]
    public void Parse_AnyPositiveUInt128_RoundTripsThroughItsDigits()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), ArbMap.Default.ArbFor<ulong>(), (high, low) =>
        {
            var value = new UInt128(high, low);
            if (value == UInt128.Zero)
            {
                return true;
            }

            return Amount.Parse(value.ToString(CultureInfo.InvariantCulture), "amount").Value == value;
        }).QuickCheckThrowOnFailure();
    }

    public sealed record Deposit(Amount Amount);
}
