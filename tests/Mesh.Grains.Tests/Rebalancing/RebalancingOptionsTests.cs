using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;
using Microsoft.Extensions.Configuration;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The coordinators' settings: bound from <c>Mesh:Rebalancing</c>, per market over the defaults, refused with the setting named.</summary>
public sealed class RebalancingOptionsTests
{
    private static readonly string[] Assets = ["USDC", "WETH"];

    [Fact]
    public void Bind_MarketFieldsFallBackToDefaultsAndLargeIntegersBindExactly()
    {
        var sut = Bind(new()
        {
            ["GlobalCap"] = "340282366920938463463374607431768211455",
            ["Defaults:Dust"] = "7",
            ["Defaults:FlowCapacity"] = "1000",
            ["Defaults:FlowRefillPerSecond"] = "10",
            ["Markets:WETH:Hole"] = "5000000000000000000000",
            ["Markets:WETH:Policy"] = "StaticCaps",
        });

        var weth = sut.For("WETH", "WETH");
        var usdc = sut.For("USDC", "USDC");

        Assert.Equal(UInt128.MaxValue, sut.GlobalCap);
        Assert.Equal((RebalancePolicy.StaticCaps, UInt128.Parse("5000000000000000000000"), (UInt128)7), (weth.Policy, weth.Hole, weth.Dust));
        Assert.Equal((RebalancePolicy.Adaptive, UInt128.MaxValue, ((UInt128)1000, (UInt128)10)), (usdc.Policy, usdc.Hole, usdc.Flow));
        sut.Validate(Assets);
    }

    [Fact]
    public void Bind_PerpMarket_HasItsOwnFieldsOrElseItsUnderlyings()
    {
        var sut = Bind(new()
        {
            ["Markets:WETH:Hole"] = "5000",
            ["Markets:WETH:Dust"] = "5",
            ["Markets:WETH-PERP:Hole"] = "15000",
            ["Markets:WETH-PERP:CostOfDelay"] = "false",
            ["Markets:WETH-PERP:ImpactHalfLife"] = "00:30:00",
        });

        var perp = sut.For(CoordinatorMarkets.Perp("WETH"), "WETH");
        var usdcPerp = sut.For(CoordinatorMarkets.Perp("USDC"), "USDC");

        Assert.Equal(((UInt128)15_000, UInt128.Zero, false), (perp.Hole, perp.Dust, perp.CostOfDelay)); // its own section, whose unset dust falls to the defaults
        Assert.True(sut.For("WETH", "WETH").CostOfDelay); // the global setting
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10)), (perp.ImpactHalfLife, sut.For("WETH", "WETH").ImpactHalfLife)); // the perp book heals at its own rate; spot at the global one
        Assert.Equal(TimeSpan.FromMinutes(3), Bind(new() { ["Markets:WETH:ImpactHalfLife"] = "00:03:00" }).For("WETH-PERP", "WETH").ImpactHalfLife); // no section: the underlying's
        Assert.Equal(UInt128.MaxValue, usdcPerp.Hole);
        Assert.Equal((UInt128)5000, Bind(new() { ["Markets:WETH:Hole"] = "5000" }).For("WETH-PERP", "WETH").Hole); // no section: the underlying's
        Assert.Equal(("WETH", true, "WETH", false), (CoordinatorMarkets.Underlying("WETH-PERP"), CoordinatorMarkets.IsPerp("WETH-PERP"), CoordinatorMarkets.Underlying("WETH"), CoordinatorMarkets.IsPerp("WETH")));
        Assert.False(CoordinatorMarkets.IsPerp("-PERP"));
        sut.Validate(Assets);
    }

    [Theory]
    [InlineData("Markets:DOGE-PERP:Hole", "5", "Mesh:Rebalancing:Markets:DOGE-PERP")]
    [InlineData("ImpactBound", "1.5", "Mesh:Rebalancing:ImpactBound")]
    [InlineData("GrantTtl", "00:00:00", "Mesh:Rebalancing:GrantTtl")]
    [InlineData("BatchWindow", "00:00:05", "Mesh:Rebalancing:BatchWindow")]
    [InlineData("GlobalCap", "0", "Mesh:Rebalancing:GlobalCap")]
    [InlineData("Markets:DOGE:Hole", "5", "Mesh:Rebalancing:Markets:DOGE")]
    [InlineData("Markets:WETH:FlowCapacity", "5", "Mesh:Rebalancing:Markets:WETH:FlowCapacity")]
    [InlineData("Markets:WETH:Dust", "50", "Mesh:Rebalancing:Markets:WETH:Hole")]
    [InlineData("Markets:WETH-PERP:ImpactHalfLife", "00:00:00", "Mesh:Rebalancing:Markets:WETH-PERP:ImpactHalfLife")]
    public void Validate_OutOfRange_NamesTheSetting(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Markets:WETH:Dust")
        {
            settings["Markets:WETH:Hole"] = "10";
        }

        var error = Assert.Throws<ArgumentException>(() => Bind(settings).Validate(Assets));

        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
    }

    private static RebalancingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(kv => $"{RebalancingOptions.Section}:{kv.Key}", kv => kv.Value)).Build();
        var options = new RebalancingOptions();
        configuration.GetSection(RebalancingOptions.Section).Bind(options);
        return options;
    }
}
