using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;

namespace Mesh.Grains.Tests.Oracles;

public sealed class OracleGrainTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    // Every asset of chains.json gets the default sources feed-1..3; WETH and USDC are both assets there.
    private IOracleGrain Oracle(string asset) => fixture.Client.GetGrain<IOracleGrain>(asset);

    private static async Task<OracleSnapshot> Feed(IOracleGrain oracle, params decimal[] prices)
    {
        OracleSnapshot? last = null;
        for (var i = 0; i < prices.Length; i++)
        {
            last = await oracle.Observe(new PriceObservation($"feed-{i + 1}", prices[i], TimeProvider.System.GetUtcNow()));
        }

        return last!;
    }

    [Fact]
    public async Task Observe_ThreeSources_AggregatesTheMedianAndIgnoresAManipulatedOne()
    {
        var sut = Oracle("WETH");

        var honest = await Feed(sut, 2_000m, 2_002m, 2_001m);
        var manipulated = await Feed(sut, 2_000m, 2_002m, 9_000m);

        Assert.True(honest.Fresh);
        Assert.Equal(2_001m, honest.Price);
        Assert.Equal(3, honest.SourcesUsed);
        Assert.Equal("fallback", honest.VolatilitySource);
        Assert.InRange(manipulated.Price!.Value, 2_000m, 2_002m);
        Assert.Contains(manipulated.Rejected, r => r.Source == "feed-3" && r.Reason == "outlier");
    }

    [Theory]
    [InlineData("feed-9", "1", "oracle.unknown_source")]
    [InlineData("feed-1", "0", "oracle.price_not_positive")]
    [InlineData("feed-1", "-5", "oracle.price_not_positive")]
    [InlineData("feed-1", "1.123456789", "oracle.too_many_decimals")]
    public async Task Observe_BadObservation_IsRefusedAndChangesNothing(string source, string price, string code)
    {
        var sut = Oracle("USDC");
        await Feed(sut, 1.0001m, 0.9999m, 1m);
        var before = await sut.Snapshot();

        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Observe(new PriceObservation(source, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), TimeProvider.System.GetUtcNow())));
        var after = await sut.Snapshot();

        Assert.Equal(code, error.Code);
        Assert.Equal(before.Price, after.Price);
        Assert.Equal(before.Round, after.Round);
    }

    [Fact]
    public async Task Observe_FromTheFuture_IsRefused()
    {
        var error = await Assert.ThrowsAsync<MeshException>(() => Oracle("USDC").Observe(new PriceObservation("feed-1", 1m, TimeProvider.System.GetUtcNow().AddMinutes(5))));

        Assert.Equal("oracle.timestamp_in_future", error.Code);
    }
}
