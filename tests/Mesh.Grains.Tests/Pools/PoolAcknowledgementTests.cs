using Mesh.Grains.Tests.Infrastructure;
using Mesh.Pools;
using Mesh.Storage;
using Mesh.Testing;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Pools;

/// <summary>A single node on SQLite whose pools keep an acknowledged answer for a second only.</summary>
public sealed class PoolAcknowledgementFixture : ClusterFixture
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(1);

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        Settings = new Dictionary<string, string>
        {
            ["Mesh:Protocols:AutoApproveUpTo"] = "Conservative",
            ["Mesh:Pools:RetainAcknowledgedFor"] = "00:00:01",
        },
    };
}

/// <summary>
/// A pool's book of answers holds the operations in progress, not every one ever made: a vault acknowledges an answer
/// once it is in its own books, and the pool forgets the id a retention later; an answer nobody acknowledged is kept,
/// so that a retry still gets it instead of moving value twice.
/// </summary>
public sealed class PoolAcknowledgementTests(PoolAcknowledgementFixture fixture) : IClassFixture<PoolAcknowledgementFixture>
{
    private readonly Members _members = new(fixture);

    private ICollateralPoolGrain Pool => fixture.Client.GetGrain<ICollateralPoolGrain>("USDC");

    [Fact]
    public async Task Draw_TheVaultHasRecordedTheAnswer_PoolKeepsItForTheRetentionThenForgetsTheIdWithItsNextChange()
    {
        // BorrowerAsync draws 1,000 USDC under the operation id "draw".
        var (_, vault) = await _members.BorrowerAsync(1, 1_000 * Members.UsdcUnit, PoolLimitsTests.Open);
        await Eventually.TrueAsync(async () => (await Pool.Operation("draw", vault.GetPrimaryKeyString()))?.Acknowledged == true, "the vault acknowledges the pool's answer to its draw", TimeSpan.FromSeconds(10));
        var kept = await Pool.Operation("draw", vault.GetPrimaryKeyString());
        Assert.Equal(("allocate", 1_000 * Members.UsdcUnit, false), (kept!.Kind, kept.Moved, kept.Refused));

        // Past the retention the answer is still there until the pool next changes; that change forgets it.
        await Task.Delay(PoolAcknowledgementFixture.Retention + TimeSpan.FromMilliseconds(200));
        Assert.NotNull(await Pool.Operation("draw", vault.GetPrimaryKeyString()));
        var repaid = await Members.SettledAsync(vault, await vault.Repay(new VaultMovement("repay-1", "USDC", 100 * Members.UsdcUnit)));
        Assert.Equal(OperationStatus.Completed, repaid.Status);
        Assert.Null(await Pool.Operation("draw", vault.GetPrimaryKeyString()));

        // The repayment's own answer is acknowledged and kept; the books still say what was drawn and repaid.
        await Eventually.TrueAsync(async () => (await Pool.Operation("repay-1", vault.GetPrimaryKeyString()))?.Acknowledged == true, "the vault acknowledges the pool's answer to its repayment", TimeSpan.FromSeconds(10));
        // (Interest accrues by the second on what is left: a few base units at most here.)
        Assert.InRange((await vault.Health()).Debt.Single(d => d.Asset == "USDC").Amount, 900 * Members.UsdcUnit, (900 * Members.UsdcUnit) + 1_000);
        var audit = await Pool.Audit();
        Assert.True(audit.Balanced, $"the pool's identity: {audit}");
    }

    [Fact]
    public async Task Supply_NobodyAcknowledgedTheAnswer_KeptPastTheRetentionAndARetryGetsItWithoutMovingValueTwice()
    {
        var holder = $"lender-{Guid.NewGuid():N}";
        var first = await Pool.Supply(new LiquidityRequest($"{holder}/s1", holder, Members.Chain, 500 * Members.UsdcUnit));

        await Task.Delay(PoolAcknowledgementFixture.Retention + TimeSpan.FromMilliseconds(200));
        var second = await Pool.Supply(new LiquidityRequest($"{holder}/s2", holder, Members.Chain, 1 * Members.UsdcUnit));
        var retry = await Pool.Supply(new LiquidityRequest($"{holder}/s1", holder, Members.Chain, 500 * Members.UsdcUnit));

        Assert.Equal((first.Assets, first.Shares), (retry.Assets, retry.Shares));
        Assert.False((await Pool.Operation($"{holder}/s1", holder))!.Acknowledged);
        Assert.Equal(first.Shares + second.Shares, (await Pool.Position(holder)).Shares);
    }

    [Fact]
    public async Task Forget_ByAnotherPartyOrForAnUnknownId_LeavesTheAnswerUnacknowledged()
    {
        var holder = $"lender-{Guid.NewGuid():N}";
        var id = $"{holder}/s1";
        await Pool.Supply(new LiquidityRequest(id, holder, Members.Chain, 10 * Members.UsdcUnit));

        await Pool.Forget(id, "someone-else");
        await Pool.Forget($"{holder}/never", holder);
        Assert.False((await Pool.Operation(id, holder))!.Acknowledged);
        Assert.Null(await Pool.Operation($"{holder}/never", holder));

        await Pool.Forget(id, holder);
        Assert.True((await Pool.Operation(id, holder))!.Acknowledged);
    }
}
