using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Vaults;
using static Mesh.Grains.Tests.Infrastructure.Members;

namespace Mesh.Grains.Tests.Pools;

/// <summary>A market under stress shrinks the caps on its factor (a pool of its own, so that the amounts are known).</summary>
public sealed class PoolStressTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private readonly Members _members = new(fixture);

    private ICollateralPoolGrain Pool => fixture.Client.GetGrain<ICollateralPoolGrain>("USDC");

    private Task<(string Protocol, IVaultGrain Vault)> BorrowerAsync(int n, UInt128 drawn) => _members.BorrowerAsync(n, drawn, PoolLimitsTests.Open);

    [Fact]
    public async Task OnRisk_StressedThenCalm_ShrinksTheFactorCapsToHalfRecallsAndRestores()
    {
        var (protocol, vault) = await BorrowerAsync(2, 50_000 * UsdcUnit);
        var key = new VaultKey(protocol, Chain).ToString();

        await Pool.OnRisk("WETH", MarketRegime.Stressed, breakerOpen: false);
        var stressed = await Pool.Limits();
        var refused = await Assert.ThrowsAsync<Mesh.Errors.MeshException>(() => vault.Draw(new VaultMovement("more", "USDC", 1_000 * UsdcUnit)));
        await Pool.OnRisk("WETH", MarketRegime.Calm, breakerOpen: false);
        var calm = await Pool.Limits();

        Assert.Equal(0.5m, stressed.Stress["underlying:WETH"]);
        // Caps on underlying:WETH: 60% of the pool's assets (~100,000) at half is ~30,000; this vault alone owes 50,000.
        Assert.True(stressed.RecallDue.GetValueOrDefault(key) >= 19_000 * UsdcUnit, $"recalled {stressed.RecallDue.GetValueOrDefault(key)}");
        Assert.Contains(stressed.Recalls, r => r.Vault == key && r.Reason.Contains("stressed", StringComparison.Ordinal));
        Assert.Empty(calm.Stress);
        Assert.Equal(stressed.RecallDue[key], calm.RecallDue[key]); // a recall stays due until repaid
        var health = await vault.Health();
        Assert.Equal(stressed.RecallDue[key], health.Debt.Single(d => d.Asset == "USDC").RecallDue); // the pool told the vault
        Assert.True(refused.Code is "pool.recall_outstanding" or "pool.risk_factor_relative_cap", refused.Code);
    }
}
