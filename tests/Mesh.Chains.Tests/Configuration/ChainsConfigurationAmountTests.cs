using FsCheck;
using FsCheck.Fluent;
using Mesh.Chains.Configuration;

namespace Mesh.Chains.Tests.Configuration;

public class ChainsConfigurationAmountTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("18446744073709551616")]
    [InlineData("1000000000000000000000000")]
    [InlineData("340282366920938463463374607431768211455")]
    public void Parse_AmountInRange_IsExact(string amount)
    {
        var sut = ChainsConfigurationLoader.Parse(TestDocument.With("routes[0].capacity", $"\"{amount}\""), "test.json");

        Assert.Equal(UInt128.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), sut.Routes[0].Capacity);
        Assert.Equal(amount, sut.Routes[0].Capacity.ToString());
    }

    [Fact]
    public void Parse_UInt128MaxValue_IsAccepted()
    {
        var sut = ChainsConfigurationLoader.Parse(
            TestDocument.With("routes[0].rateLimit.capacity", "\"340282366920938463463374607431768211455\""), "test.json");

        Assert.Equal(UInt128.MaxValue, sut.Routes[0].RateLimit.Capacity);
    }

    [Theory]
    [InlineData("340282366920938463463374607431768211456")]
    [InlineData("999999999999999999999999999999999999999999")]
    public void Parse_AmountAboveUInt128MaxValue_IsRejected(string amount)
    {
        var json = TestDocument.With("routes[0].rateLimit.capacity", $"\"{amount}\"");

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.routes[0].rateLimit.capacity", error.Path);
        Assert.Equal($"must be at most 340282366920938463463374607431768211455 (UInt128.MaxValue), got \"{amount}\"", error.Message);
    }

    [Fact]
    public void Parse_AnyUInt128_RoundTripsExactly()
    {
        var amounts =
            from high in ArbMap.Default.GeneratorFor<ulong>()
            from low in ArbMap.Default.GeneratorFor<ulong>()
            from shift in Gen.Choose(0, 127)
            select ((UInt128)high << 64 | low) >> shift;

        Prop.ForAll(amounts.ToArbitrary(), amount =>
        {
            var json = TestDocument.With("routes[1].capacity", $"\"{amount}\"");
            return ChainsConfigurationLoader.Parse(json, "test.json").Routes[1].Capacity == amount;
        }).QuickCheckThrowOnFailure();
    }
}
