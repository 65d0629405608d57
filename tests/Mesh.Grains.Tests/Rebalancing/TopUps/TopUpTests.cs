using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Pools;
using Mesh.Rebalancing;
using Mesh.Testing;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.TopUps;

/// <summary>Top-ups between one protocol's books on a chain, on the real vaults, desk and pool of a silo.</summary>
public sealed class TopUpTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private static readonly UInt128 Hundred = 100 * Members.WethUnit;
    private readonly Members _members = new(fixture);

    /// <summary>
    /// A protocol with two sub-account books on the chain, 100 WETH each against USDC credit put to work: the giver owes
    /// <paramref name="giverDebt"/> USDC, the taker <paramref name="takerDebt"/>; both take part in top-ups unless told.
    /// </summary>
    private async Task<(string Protocol, IVaultGrain Giver, IVaultGrain Taker)> BooksAsync(int n, ulong giverDebt = 20_000, ulong takerDebt = 50_000, bool giverTopUps = true, bool takerTopUps = true)
    {
        await _members.PricesAsync();
        await fixture.Client.GetGrain<ICollateralPoolGrain>("USDC").SetLimits(Pools.PoolLimitsTests.Open, "test");
        var lender = await _members.DepositedAsync($"tlend{n}", 0x600 + n, "USDC", 200_000 * Members.UsdcUnit);
        await lender.Supply(new VaultMovement("sup", "USDC", 200_000 * Members.UsdcUnit));
        var (protocol, _, account) = await _members.JoinAsync($"topup{n}", 0x700 + n);
        _members.SimulatedChain.Fund(account, "WETH", 2 * Hundred);
        var giver = await BookAsync(protocol, "giver", giverDebt, giverTopUps);
        var taker = await BookAsync(protocol, "taker", takerDebt, takerTopUps);
        return (protocol, giver, taker);
    }

    private async Task<IVaultGrain> BookAsync(string protocol, string account, ulong debt, bool topUps)
    {
        var vault = fixture.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, Members.Chain, account).ToString());
        Assert.Equal(OperationStatus.Completed, (await Members.SettledAsync(vault, await vault.Deposit(new VaultMovement("dep", "WETH", Hundred)))).Status);
        var usdc = (UInt128)debt * Members.UsdcUnit;
        Assert.Equal(OperationStatus.Completed, (await vault.Draw(new VaultMovement("draw", "USDC", usdc))).Status);
        Assert.Equal(OperationStatus.Completed, (await vault.Supply(new VaultMovement("use", "USDC", usdc))).Status);
        await vault.ConfigureRebalancing(new RebalanceSettings(AutoSell: false, TopUps: topUps));
        return vault;
    }

    private static async Task<UInt128> WethAsync(IVaultGrain vault) => (await vault.Books()).Balances.GetValueOrDefault("WETH");

    [Fact]
    public async Task OnPrice_ABookFallsBelowItsBand_ItsSiblingAboveTheBandsTopTopsItUpAndNoWethIsMadeOrLost()
    {
        var (_, giver, taker) = await BooksAsync(1);
        var bandMax = new Mesh.Grains.Vaults.VaultRiskOptions().BandMax;

        // At 600 the giver (20,000 owed) stays far above the band's top; the taker (50,000 owed) falls below the band.
        await _members.TickAsync(giver, 600m, 1);
        await _members.TickAsync(taker, 600m, 1);

        await Eventually.TrueAsync(async () => (await taker.Rebalancing()).TopUpsReceived?.GetValueOrDefault("WETH") > UInt128.Zero, "the taker is topped up", TimeSpan.FromSeconds(30));
        var received = (await taker.Rebalancing()).TopUpsReceived!["WETH"];
        Assert.Equal(received, (await giver.Rebalancing()).TopUpsGiven!["WETH"]);
        Assert.Equal(2 * Hundred, await WethAsync(giver) + await WethAsync(taker));
        Assert.Equal(Hundred + received, await WethAsync(taker));
        var (g, t) = (await giver.Health(), await taker.Health());
        Assert.True(g.HealthFactor >= bandMax, $"the giver gave below the band's top: {g.HealthFactor}");
        Assert.True(t.HealthFactor >= new Mesh.Grains.Vaults.VaultRiskOptions().BandMin, $"the taker is still below the band: {t.HealthFactor}");
        Assert.Empty((await giver.Books()).Pending);

        // The move is one operation in both books, under the mesh's id; a repeat of the order moves nothing again.
        var id = TopUpOperations.Id(taker.GetPrimaryKeyString(), 0, 0);
        var given = await giver.Operation(id);
        Assert.Equal((OperationKind.TopUpOut, OperationStatus.Completed, received), (given!.Kind, given.Status, given.Amount));
        var order = new TopUpOrder(id, giver.GetPrimaryKeyString(), taker.GetPrimaryKeyString(), "WETH", received);
        Assert.Equal(given, await giver.GiveTopUp(order));
        Assert.Equal(await taker.Operation(id), await taker.TakeTopUp(order));
        Assert.Equal(Hundred + received, await WethAsync(taker));
        Assert.Equal(Hundred - received, await WethAsync(giver));
    }

    [Fact]
    public async Task GiveTopUp_ToASiblingThatTakesNoPart_IsGivenBackAndTheGiftEndsFailedNamingWhy()
    {
        var (_, giver, taker) = await BooksAsync(2, takerTopUps: false);
        var order = new TopUpOrder(TopUpOperations.Id(taker.GetPrimaryKeyString(), 0, 0), giver.GetPrimaryKeyString(), taker.GetPrimaryKeyString(), "WETH", Members.WethUnit);

        var receipt = await giver.GiveTopUp(order);

        Assert.Equal((OperationStatus.Failed, "topup.not_enabled"), (receipt.Status, receipt.Reason));
        Assert.Equal(Hundred, await WethAsync(giver));
        Assert.Equal(Hundred, await WethAsync(taker));
        Assert.Null(await taker.Operation(order.OperationId));
    }

    [Fact]
    public async Task GiveTopUp_BadOrders_AreRefusedNamingTheFieldAndMoveNothing()
    {
        var (_, giver, taker) = await BooksAsync(3, giverTopUps: false);
        var (from, to) = (giver.GetPrimaryKeyString(), taker.GetPrimaryKeyString());
        var id = TopUpOperations.Id(to, 0, 0);
        var stranger = new VaultKey("someone-else", Members.Chain, "taker").ToString();

        var cases = new (TopUpOrder Order, string Code, string Field)[]
        {
            (new TopUpOrder(id, from, to, "WETH", Members.WethUnit), "topup.not_enabled", "vault"),
            (new TopUpOrder(TopUpOperations.Id(stranger, 0, 0), from, stranger, "WETH", Members.WethUnit), "topup.not_sibling", "to"),
            (new TopUpOrder(TopUpOperations.Id(from, 0, 0), from, from, "WETH", Members.WethUnit), "topup.not_sibling", "to"),
            (new TopUpOrder("gift-1", from, to, "WETH", Members.WethUnit), "operation.malformed_id", "operationId"),
            (new TopUpOrder(id, from, to, "DOGE", Members.WethUnit), "asset.unknown", "asset"),
            (new TopUpOrder(id, from, to, "WETH", UInt128.Zero), "amount.zero", "amount"),
            (new TopUpOrder(id, to, from, "WETH", Members.WethUnit), "topup.wrong_vault", "from"),
        };
        foreach (var (order, code, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<MeshException>(() => giver.GiveTopUp(order));
            Assert.Equal((code, field), (refused.Code, refused.Field));
        }

        var foreign = await Assert.ThrowsAsync<MeshException>(() => taker.TakeTopUp(new TopUpOrder(id, stranger, to, "WETH", Members.WethUnit)));
        Assert.Equal(("topup.not_sibling", "from"), (foreign.Code, foreign.Field));
        Assert.Equal(Hundred, await WethAsync(giver));
        Assert.Equal(Hundred, await WethAsync(taker));
    }

    [Fact]
    public async Task GiveTopUp_AGiverAtTheBandsTop_RefusesWithoutMovingAnything()
    {
        // 100 WETH at 1,500 against 100,000 owed is below the band's top whatever the haircut: nothing is spare.
        var (_, giver, taker) = await BooksAsync(4, giverDebt: 100_000);
        await _members.TickAsync(giver, 1_500m, 1);
        var order = new TopUpOrder(TopUpOperations.Id(taker.GetPrimaryKeyString(), 0, 0), giver.GetPrimaryKeyString(), taker.GetPrimaryKeyString(), "WETH", Members.WethUnit);

        var refused = await Assert.ThrowsAsync<MeshException>(() => giver.GiveTopUp(order));

        Assert.Equal(("topup.below_floor", MeshErrorKind.Refused), (refused.Code, refused.Kind));
        Assert.Equal(Hundred, await WethAsync(giver));
        Assert.Null(await giver.Operation(order.OperationId));
    }

    [Fact]
    public async Task Deposit_AnOperationIdInTheTopUpsNamespace_IsRefusedAsReserved()
    {
        var (_, giver, _) = await BooksAsync(5);

        var refused = await Assert.ThrowsAsync<MeshException>(() => giver.Deposit(new VaultMovement("topup:mine:0:0", "WETH", Members.WethUnit)));

        Assert.Equal(("operation.reserved_id", "operationId"), (refused.Code, refused.Field));
    }

    [Fact]
    public async Task Desk_OffersAndAsksOfAnotherProtocolOrMalformed_AreRefusedNamingTheField()
    {
        var desk = fixture.Client.GetGrain<ITopUpDeskGrain>($"desk-p/{Members.Chain}");
        var now = DateTimeOffset.UtcNow;

        var foreign = await Assert.ThrowsAsync<MeshException>(() => desk.Offer(new TopUpOffer($"other/{Members.Chain}/a", "WETH", 1, now)));
        var otherChain = await Assert.ThrowsAsync<MeshException>(() => desk.Ask(new TopUpAsk("desk-p/local-b/a", "WETH", 1, 1.0, 0)));
        var zero = await Assert.ThrowsAsync<MeshException>(() => desk.Ask(new TopUpAsk($"desk-p/{Members.Chain}/a", "WETH", UInt128.Zero, 1.0, 0)));
        var nan = await Assert.ThrowsAsync<MeshException>(() => desk.Ask(new TopUpAsk($"desk-p/{Members.Chain}/a", "WETH", 1, double.NaN, 0)));

        Assert.Equal(("topup.not_sibling", "vault"), (foreign.Code, foreign.Field));
        Assert.Equal(("topup.not_sibling", "vault"), (otherChain.Code, otherChain.Field));
        Assert.Equal(("amount.zero", "amount"), (zero.Code, zero.Field));
        Assert.Equal(("topup.invalid_health", "healthFactor"), (nan.Code, nan.Field));
        var view = await desk.View();
        Assert.Equal((0, 0, 0L), (view.Offers, view.Asks, view.Orders));
    }

    [Fact]
    public async Task GiveTopUp_AnotherGiverReusingAGiftsId_IsRefusedByTheReceiverAndGetsItsGiftBack()
    {
        var (protocol, giver, taker) = await BooksAsync(6);
        _members.SimulatedChain.Fund($"0x{0x700 + 6:x40}", "WETH", Hundred); // the protocol's account (BooksAsync's)
        var second = await BookAsync(protocol, "second", 20_000, topUps: true);
        var id = TopUpOperations.Id(taker.GetPrimaryKeyString(), 0, 0);
        var first = await giver.GiveTopUp(new TopUpOrder(id, giver.GetPrimaryKeyString(), taker.GetPrimaryKeyString(), "WETH", Members.WethUnit));
        Assert.Equal(OperationStatus.Completed, first.Status);

        // The same id and amount from another of the protocol's books is not the same gift: it is not credited, and the
        // second giver gets its WETH back.
        var reused = await second.GiveTopUp(new TopUpOrder(id, second.GetPrimaryKeyString(), taker.GetPrimaryKeyString(), "WETH", Members.WethUnit));

        Assert.Equal((OperationStatus.Failed, "operation.id_reused"), (reused.Status, reused.Reason));
        Assert.Equal(Hundred, await WethAsync(second));
        Assert.Equal(Hundred + Members.WethUnit, await WethAsync(taker));
        Assert.Equal(Hundred - Members.WethUnit, await WethAsync(giver));
    }

    [Fact]
    public async Task ConfigureRebalancing_TopUpsOnTheProtocolsMainVault_IsRefusedNamingTheSetting()
    {
        var (_, main, _) = await _members.JoinAsync("topup-main", 0x7f0);

        var refused = await Assert.ThrowsAsync<MeshException>(() => main.ConfigureRebalancing(new RebalanceSettings(AutoSell: false, TopUps: true)));

        Assert.Equal(("rebalancing.top_ups_need_account", "topUps", MeshErrorKind.Refused), (refused.Code, refused.Field, refused.Kind));
        Assert.Null((await main.Rebalancing()).Settings);
    }
}
