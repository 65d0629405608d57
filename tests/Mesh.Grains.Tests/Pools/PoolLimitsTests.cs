using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Vaults;
using static Mesh.Grains.Tests.Infrastructure.Members;

namespace Mesh.Grains.Tests.Pools;

/// <summary>Operators' limits and market stress tighten a pool's caps and recall what they no longer allow; every recall is recorded.</summary>
public sealed class PoolLimitsTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    internal static readonly PoolLimits Open = new(0.9m, null, new Dictionary<string, UInt128>(), new RiskFactorLimit(UInt128.MaxValue, 0.6m), new Dictionary<string, RiskFactorLimit>());

    private readonly Members _members = new(fixture);

    private ICollateralPoolGrain Pool => fixture.Client.GetGrain<ICollateralPoolGrain>("USDC");

    private Task<(string Protocol, IVaultGrain Vault)> BorrowerAsync(int n, UInt128 drawn) => _members.BorrowerAsync(n, drawn, Open);

    [Fact]
    public async Task SetLimits_ProtocolCapBelowItsDebt_RecallsTheExcessAndRecordsWhy()
    {
        var (protocol, vault) = await BorrowerAsync(1, 20_000 * UsdcUnit);

        var sut = await Pool.SetLimits(Open with { ProtocolCaps = new Dictionary<string, UInt128> { [protocol] = 15_000 * UsdcUnit } }, "op-key-1");

        var key = new VaultKey(protocol, Chain).ToString();
        Assert.InRange(sut.RecallDue[key], 5_000 * UsdcUnit, (5_000 * UsdcUnit) + 10);
        var recall = sut.Recalls.First(r => r.Vault == key);
        Assert.Equal(sut.RecallDue[key], recall.Due);
        Assert.Contains("op-key-1", recall.Reason, StringComparison.Ordinal);
        Assert.Equal(15_000 * UsdcUnit, (await Pool.Limits()).Limits.ProtocolCaps[protocol]);
        var refused = await Assert.ThrowsAsync<MeshException>(() => vault.Draw(new VaultMovement("more", "USDC", 1 * UsdcUnit)));
        Assert.True(refused.Code is "pool.recall_outstanding" or "pool.protocol_cap", refused.Code);
    }

    public static TheoryData<string, PoolLimits, string> BadLimits() => new()
    {
        { "zero utilization", Open with { UtilizationCap = 0m }, "utilizationCap" },
        { "utilization above one", Open with { UtilizationCap = 1.5m }, "utilizationCap" },
        { "utilization with 19 decimals", Open with { UtilizationCap = 0.1234567890123456789m }, "utilizationCap" },
        { "relative above one", Open with { DefaultRiskFactorCap = new RiskFactorLimit(1, 1.01m) }, "defaultRiskFactorCap.relative" },
        { "negative relative", Open with { RiskFactorCaps = new Dictionary<string, RiskFactorLimit> { ["chain:local-a"] = new(1, -0.1m) } }, "riskFactorCaps['chain:local-a'].relative" },
        { "factor of no kind", Open with { RiskFactorCaps = new Dictionary<string, RiskFactorLimit> { ["weth"] = new(1, 0.5m) } }, "riskFactorCaps" },
        { "protocol id malformed", Open with { ProtocolCaps = new Dictionary<string, UInt128> { ["Not An Id"] = 1 } }, "protocolCaps" },
    };

    [Theory]
    [MemberData(nameof(BadLimits))]
    public async Task SetLimits_Malformed_RefusedNamingTheFieldAndNothingChanges(string what, PoolLimits limits, string field)
    {
        await Pool.SetLimits(Open, "test");
        var before = await Pool.Limits();

        var error = await Assert.ThrowsAsync<MeshException>(() => Pool.SetLimits(limits, "test"));

        Assert.True(error.Field == field, $"{what}: field {error.Field}");
        Assert.Equal(MeshErrorKind.Validation, error.Kind);
        var after = await Pool.Limits();
        Assert.Equal(before.Limits.UtilizationCap, after.Limits.UtilizationCap);
        Assert.Equal(before.Limits.ProtocolCaps.Count, after.Limits.ProtocolCaps.Count);
        Assert.Equal(before.Limits.RiskFactorCaps.Count, after.Limits.RiskFactorCaps.Count);
    }
}
