using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Protocols;
using Mesh.Testing;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Vaults;

public sealed class VaultGrainTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private const string ProtocolAccount = "0x00000000000000000000000000000000000000b7";

    private static readonly DateTimeOffset Expiry = TimeProvider.System.GetUtcNow().AddDays(30);

    private static Exposure ShortCall(string id, decimal size) =>
        new(id, ExposureKind.Option, "WETH", size, PositionSide.Short, OptionRight.Call, 2_200m, Expiry, ImpliedVolatility: 0.7m);

    private async Task<IVaultGrain> NewVault(string prefix)
    {
        var protocol = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Client.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest("Vault Test", ["local-a"], "ops@example.org", RiskTier.Conservative, ProtocolAccount));
        return fixture.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, "local-a").ToString());
    }

    private async Task Price(decimal weth)
    {
        var oracle = fixture.Client.GetGrain<IOracleGrain>("WETH");
        for (var i = 1; i <= 3; i++)
        {
            await oracle.Observe(new PriceObservation($"feed-{i}", weth + i - 2, TimeProvider.System.GetUtcNow()));
        }
    }

    [Fact]
    public async Task ReportExposures_ValidBook_IsKeptAndPricedAtTheOracle()
    {
        await Price(2_000m);
        var sut = await NewVault("book");

        var health = await sut.ReportExposures([ShortCall("c1", 2m), new Exposure("p1", ExposureKind.Perp, "WETH", 1m, PositionSide.Long, EntryPrice: 1_950m)]);

        Assert.Equal(2, (await sut.Exposures()).Count);
        Assert.True(health.Margin.Total > 0);
        Assert.Equal(0, health.HealthFactor);
        Assert.Equal(RebalanceDirection.Raise, health.Need!.Direction);
        Assert.Equal("has 2 open exposures", await sut.Encumbrance());
    }

    [Fact]
    public async Task ReportExposures_BadBook_IsRefusedNamingTheFieldAndKeepsTheOldOne()
    {
        await Price(2_000m);
        var sut = await NewVault("bad");
        await sut.ReportExposures([ShortCall("c1", 1m)]);

        var error = await Assert.ThrowsAsync<MeshException>(() => sut.ReportExposures([ShortCall("c1", 1m), ShortCall("c2", 1m) with { Strike = -1m }]));

        Assert.Equal("exposures[1].strike", error.Field);
        Assert.Equal("c1", Assert.Single(await sut.Exposures()).Id);
    }

    [Fact]
    public async Task OraclePrice_NewRound_ReachesEveryExposedVaultWithoutItAsking()
    {
        await Price(2_000m);
        var vaults = new List<IVaultGrain>();
        for (var i = 0; i < 20; i++)
        {
            var vault = await NewVault("fan");
            await vault.ReportExposures([ShortCall("c", 1m + i)]);
            vaults.Add(vault);
        }

        var before = await vaults[0].Health();
        await Price(1_400m);

        // Each vault read its price once; after the shock only the fan-out can tell it the new one.
        foreach (var vault in vaults)
        {
            await Eventually.TrueAsync(async () => (await vault.Health()).Margin.MarkToMarketLiability < before.Margin.MarkToMarketLiability / 2, "the new price reaches the vault", TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task Leave_WithOpenExposures_IsRefusedWithTheReason()
    {
        await Price(2_000m);
        var sut = await NewVault("leave");
        await sut.ReportExposures([ShortCall("c1", 1m)]);
        var protocol = fixture.Client.GetGrain<IProtocolGrain>(VaultKey.Parse(sut.GetPrimaryKeyString()).ProtocolId);

        var error = await Assert.ThrowsAsync<MeshException>(() => protocol.Leave());
        await sut.ReportExposures([]);
        var left = await protocol.Leave();

        Assert.Equal("protocol.encumbered", error.Code);
        Assert.Contains("has 1 open exposures", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProtocolStatus.Left, left.Status);
    }
}
