using Mesh.Grains.Rebalancing.Allocation;
using Mesh.Oracles;
using Microsoft.Extensions.Configuration;

namespace Mesh.Grains.Tests.Rebalancing.Allocation;

public sealed class AllocationOptionsTests
{
    [Fact]
    public void Defaults_AreValidWithFloorsOf20_40_60Percent()
    {
        var sut = new AllocationOptions();

        sut.Validate();
        Assert.Equal(0.20, sut.MinStableWeight(MarketRegime.Calm));
        Assert.Equal(0.40, sut.MinStableWeight(MarketRegime.Elevated));
        Assert.Equal(0.60, sut.MinStableWeight(MarketRegime.Stressed));
        Assert.Equal("USDC,USDT,DAI", string.Join(",", sut.Stables));
        Assert.True(sut.IsStable("USDC"));
        Assert.False(sut.IsStable("WETH"));
    }

    [Fact]
    public void Stables_ConfiguredList_ReplacesTheDefaults()
    {
        var sut = new AllocationOptions { StableAssets = ["DAI"] };

        Assert.Equal("DAI", Assert.Single(sut.Stables));
        Assert.False(sut.IsStable("USDC"));
    }

    [Fact]
    public void Bind_ConfiguredStableAssets_ReplaceTheDefaultsInsteadOfAppending()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{AllocationOptions.Section}:StableAssets:0"] = "DAI", [$"{AllocationOptions.Section}:Tolerance"] = "0.1" })
            .Build();

        var sut = configuration.GetSection(AllocationOptions.Section).Get<AllocationOptions>()!;

        Assert.Equal("DAI", Assert.Single(sut.Stables));
        Assert.Equal(0.1, sut.Tolerance);
        sut.Validate();
    }

    public static TheoryData<string, Action<AllocationOptions>> Bad => new()
    {
        { "Mesh:Rebalancing:Allocation:CalmMinStableWeight", o => o.CalmMinStableWeight = -0.1 },
        { "Mesh:Rebalancing:Allocation:StressedMinStableWeight", o => o.StressedMinStableWeight = 1.1 },
        { "Mesh:Rebalancing:Allocation:ElevatedMinStableWeight", o => o.ElevatedMinStableWeight = double.NaN },
        { "Mesh:Rebalancing:Allocation:CalmMinStableWeight <= ElevatedMinStableWeight", o => o.ElevatedMinStableWeight = 0.1 },
        { "Mesh:Rebalancing:Allocation:Tolerance", o => o.Tolerance = 1.0 },
        { "Mesh:Rebalancing:Allocation:Tolerance", o => o.Tolerance = -0.01 },
        { "Mesh:Rebalancing:Allocation:MinimumChangeUsd", o => o.MinimumChangeUsd = double.PositiveInfinity },
        { "Mesh:Rebalancing:Allocation:MinimumChangeUsd", o => o.MinimumChangeUsd = -1 },
        { "Mesh:Rebalancing:Allocation:StableAssets", o => o.StableAssets = ["USDC", " "] },
        { "Mesh:Rebalancing:Allocation:StableAssets", o => o.StableAssets = ["USDC", "USDC"] },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_SettingOutOfRange_ThrowsNamingIt(string setting, Action<AllocationOptions> spoil)
    {
        var sut = new AllocationOptions();
        spoil(sut);

        var error = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.StartsWith(setting, error.Message, StringComparison.Ordinal);
    }
}
