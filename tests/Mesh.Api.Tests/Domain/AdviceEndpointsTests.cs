using System.Globalization;
using System.Net;

namespace Mesh.Api.Tests.Domain;

/// <summary>The fixture's main vault (10 WETH, 20 short puts and a long perp, WETH at 2,000) through the advice endpoints.</summary>
[Collection(DomainSiloCollection.Name)]
public sealed class AdviceEndpointsTests(DomainSilo fixture)
{
    [Fact]
    public async Task GetAllocation_WethOnlyVault_AdvisesSellingWethIntoUsdcInBaseUnitStrings()
    {
        await fixture.FeedPricesAsync();

        var sut = await DomainSilo.Expect(fixture.Silo.GetAsync($"{DomainSilo.MainVault}/allocation", fixture.KeyOf(Caller.Protocol)), HttpStatusCode.OK);

        Assert.True(sut.GetProperty("predictive").GetBoolean()); // the default mode
        Assert.Equal("calm", sut.GetProperty("regime").GetString());
        Assert.Equal(0.2, sut.GetProperty("minStableWeight").GetDouble());
        Assert.True(sut.GetProperty("rebalance").GetBoolean(), sut.ToString());
        Assert.Equal("rebalance", sut.GetProperty("reason").GetString());
        var assets = sut.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!);
        var weth = assets["WETH"];
        var usdc = assets["USDC"];
        var sell = UInt128.Parse(weth.GetProperty("sell").GetString()!, CultureInfo.InvariantCulture);
        var buy = UInt128.Parse(usdc.GetProperty("buy").GetString()!, CultureInfo.InvariantCulture);
        var held = UInt128.Parse(weth.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        // 20% of the vault's value moves to USDC: a fifth of its WETH, bought at 1 USD.
        Assert.Equal((double)held / 5, (double)sell, (double)held * 1e-9);
        Assert.Equal((double)sell / 1e18 * 2_000.0, (double)buy / 1e6, 1e-3);
        Assert.Equal("calm", weth.GetProperty("regime").GetString());
        Assert.Equal(0.8, weth.GetProperty("targetWeight").GetDouble(), 1e-9);
        Assert.True(usdc.GetProperty("stable").GetBoolean());

        var realized = await DomainSilo.Expect(fixture.Silo.GetAsync($"{DomainSilo.MainVault}/allocation?predictive=false", fixture.Silo.OperatorKey), HttpStatusCode.OK);
        Assert.False(realized.GetProperty("predictive").GetBoolean());
    }

    [Fact]
    public async Task GetHedge_LongDeltaVault_AdvisesAShortPerpThatZeroesIt()
    {
        await fixture.FeedPricesAsync();

        var sut = await DomainSilo.Expect(fixture.Silo.GetAsync($"{DomainSilo.MainVault}/hedge", fixture.KeyOf(Caller.Protocol)), HttpStatusCode.OK);

        var line = Assert.Single(sut.GetProperty("underlyings").EnumerateArray());
        Assert.Equal("WETH", line.GetProperty("underlying").GetString());
        // 10 held, 2 long perps and 20 short puts (long delta): well outside a band of 5% of 20,000 USD.
        var net = line.GetProperty("netDelta").GetDouble();
        Assert.True(net > 12.0, $"net delta {net}");
        Assert.Equal("short", line.GetProperty("side").GetString());
        Assert.Equal(net, (double)UInt128.Parse(line.GetProperty("quantity").GetString()!, CultureInfo.InvariantCulture) / 1e18, 1e-6);
        Assert.Equal(0.0, line.GetProperty("netDeltaAfter").GetDouble());
        Assert.Equal(1_000.0, sut.GetProperty("bandUsd").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task PutRebalancing_SettingsWithoutAutoSellOrHedge_AreReadBackAndAHedgeWithoutAPerpVenueIsRefused()
    {
        var path = $"{DomainSilo.MainVault}/rebalancing";
        var key = fixture.KeyOf(Caller.Protocol);

        var set = await DomainSilo.Expect(fixture.Silo.SendAsync(HttpMethod.Put, path, key, "{\"autoSell\":false,\"predictive\":true,\"hedge\":false}"), HttpStatusCode.OK);
        var refused = await DomainSilo.Expect(fixture.Silo.SendAsync(HttpMethod.Put, path, key, "{\"autoSell\":false,\"predictive\":false,\"hedge\":true}"), HttpStatusCode.UnprocessableEntity);
        var read = await DomainSilo.Expect(fixture.Silo.GetAsync(path, fixture.Silo.OperatorKey), HttpStatusCode.OK);

        Assert.True(set.GetProperty("settings").GetProperty("predictive").GetBoolean());
        Assert.Equal("rebalancing.no_perp_venue", refused.GetProperty("code").GetString());
        // The refusal changed nothing: the settings are those set before it.
        Assert.Equal(set.GetProperty("settings").ToString(), read.GetProperty("settings").ToString());
        Assert.False(read.GetProperty("settings").GetProperty("hedge").GetBoolean());
        Assert.Empty(read.GetProperty("hedges").EnumerateArray());
    }
}
