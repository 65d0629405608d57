using Mesh.Grains.Transfers;
using Mesh.Transfers;
using static Mesh.Grains.Tests.Transfers.TransferFixture;

namespace Mesh.Grains.Tests.Transfers;

/// <summary>Many transfers at once across the three chains: every base unit is accounted for on every chain.</summary>
[Collection(Collection.Name)]
public sealed class ConcurrentTransferTests(TransferFixture fixture)
{
    [Fact]
    public async Task Execute_HundredConcurrentTransfersAcrossThreeChains_ConserveEveryBaseUnit()
    {
        const int count = 100;
        var random = new Random(20261201);
        var members = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            members.Add((await MemberAsync(fixture.Client, $"many{i}", 10_000 * Usdc)).Protocol);
        }

        foreach (var chain in ChainNames)
        {
            FundBridge(chain, 100_000 * Usdc);
        }

        var before = await BooksAsync(members);
        var differences = await AuditDifferencesAsync(fixture.Client);
        var transfers = Enumerable.Range(0, count).Select(i =>
        {
            var from = ChainNames[random.Next(3)];
            var to = ChainNames.Where(c => c != from).ElementAt(random.Next(2));
            var amount = (UInt128)random.Next(1, 500) * Usdc + (UInt128)random.Next(0, 1_000_000);
            return (Id: $"many-{Guid.NewGuid():N}", Request: Request(members[i % members.Count], from, to, amount));
        }).ToList();

        await Task.WhenAll(transfers.Select(async t =>
        {
            var grain = fixture.Transfer(t.Id);
            await grain.Quote(t.Request);
            await grain.Execute();
        }));
        var ended = new List<TransferStatus>();
        foreach (var t in transfers)
        {
            ended.Add(await EndedAsync(fixture.Transfer(t.Id)));
        }

        var after = await BooksAsync(members);
        Assert.All(ended, s => Assert.Equal(TransferPhase.Settled, s.Phase));
        Assert.All(ended, s => Assert.Equal(s.Locked, s.Released + s.FeeRetained + s.Refunded));
        foreach (var chain in ChainNames)
        {
            var outgoing = ended.Where(s => s.Quote.Request.From == chain).Aggregate(UInt128.Zero, (sum, s) => sum + s.Locked);
            var incoming = ended.Where(s => s.Quote.Request.To == chain).Aggregate(UInt128.Zero, (sum, s) => sum + s.Released);
            // Vaults lose what left and gain what arrived; the bridge the opposite; nothing else moves on the chain.
            Assert.Equal(before[chain].Vaults + incoming - outgoing, after[chain].Vaults);
            Assert.Equal(before[chain].Bridge + outgoing - incoming, after[chain].Bridge);
            Assert.Equal(before[chain].Vaults + before[chain].Bridge, after[chain].Vaults + after[chain].Bridge);
        }

        foreach (var t in transfers)
        {
            Assert.Equal(1, await MovementsOf(t.Request.From, TransferGrain.OperationIdOf(t.Id, "lock")));
            Assert.Equal(1, await MovementsOf(t.Request.To, TransferGrain.OperationIdOf(t.Id, "release")));
        }

        var inFlight = await fixture.Client.GetGrain<ITransferIndexGrain>(ITransferIndexGrain.Key).InFlight();
        Assert.Empty(inFlight.Intersect(transfers.Select(t => t.Id)));

        // The grains agree with the chains: every member's books hold what its vault holds on chain, and the transfers
        // leave the audit's differences as they were.
        foreach (var member in members)
        {
            foreach (var chain in ChainNames)
            {
                Assert.Equal(await Chain(chain).GetVaultBalanceAsync(Asset, member), await BookBalanceAsync(fixture.Client, member, chain));
            }
        }

        Assert.Equal(differences, await AuditDifferencesAsync(fixture.Client));
    }

    /// <summary>Per chain: the members' vault balances together, and the bridge's balance.</summary>
    private static async Task<Dictionary<string, (UInt128 Vaults, UInt128 Bridge)>> BooksAsync(List<string> members)
    {
        var books = new Dictionary<string, (UInt128, UInt128)>();
        foreach (var chain in ChainNames)
        {
            var vaults = UInt128.Zero;
            foreach (var member in members)
            {
                vaults += await Chain(chain).GetVaultBalanceAsync(Asset, member);
            }

            books[chain] = (vaults, await Chain(chain).GetBalanceAsync(Asset, Bridge(chain)));
        }

        return books;
    }
}
