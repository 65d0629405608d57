using Mesh.Chains.Clients;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainConcurrencyTests
{
    [Fact]
    public async Task SubmitAsync_ManyTasksWithDuplicates_BalancesExactAndEachIdMovesOnce()
    {
        const int Tasks = 16;
        const int PerTask = 50;
        var time = new FakeTimeProvider();
        var sut = TestChain.Create(time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 10_000_000);
        sut.Fund(TestChain.Bob, TestChain.Usdc, 10_000_000);

        // Task t submits ids t*PerTask.. and, as a retry, the ids of task t-1: every id is submitted twice, concurrently.
        var workers = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var hashes = new List<(OperationId Id, Bytes32 Hash)>();
            var previous = (t + Tasks - 1) % Tasks;
            for (var i = 0; i < PerTask; i++)
            {
                foreach (var owner in new[] { t, previous })
                {
                    var n = (owner * PerTask) + i;
                    var operation = TestChain.Deposit($"c{n}", (UInt128)(n + 1), n % 2 == 0 ? TestChain.Alice : TestChain.Bob);
                    var submission = await sut.SubmitAsync(operation);
                    hashes.Add((operation.Id, submission.TransactionHash));
                }

                await sut.GetHeadAsync();
            }

            return hashes;
        })).ToList();
        var results = (await Task.WhenAll(workers)).SelectMany(h => h).ToList();
        time.AdvanceBlocks(3);

        const int Total = Tasks * PerTask;
        var expectedVault = Enumerable.Range(1, Total).Aggregate(UInt128.Zero, (sum, n) => sum + (UInt128)n);
        var aliceDeposits = Enumerable.Range(0, Total).Where(n => n % 2 == 0).Aggregate(UInt128.Zero, (sum, n) => sum + (UInt128)(n + 1));
        Assert.All(results.GroupBy(r => r.Id), g => Assert.Single(g.Select(r => r.Hash).Distinct()));
        Assert.Equal(Total, results.Select(r => r.Id).Distinct().Count());
        var events = await sut.GetMovementsAsync(0, 100);
        Assert.Equal(Total, events.Count);
        Assert.Equal(Total, events.Select(e => e.OperationId).Distinct().Count());
        Assert.Equal(expectedVault, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
        Assert.Equal(10_000_000 - aliceDeposits, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
        Assert.Equal(sut.GetMinted(TestChain.Usdc), sut.GetTotalSupply(TestChain.Usdc));
    }

    [Fact]
    public async Task Calls_ConcurrentWithClockAdvancing_EveryOperationFinalOnce()
    {
        var time = new FakeTimeProvider();
        var sut = TestChain.Create(time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000_000);
        // A bounded clock: 400 quarter-block steps race the workers, whatever the scheduler does.
        var clock = Task.Run(async () =>
        {
            for (var step = 0; step < 400; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                await Task.Yield();
            }
        });

        var workers = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await sut.SubmitAsync(TestChain.Deposit($"w{t}/{i}", 1));
                await sut.GetOperationAsync(OperationId.FromName($"w{t}/{i}"));
            }
        }));
        await Task.WhenAll(workers.Append(clock));
        time.AdvanceBlocks(3);

        var ids = Enumerable.Range(0, 8).SelectMany(t => Enumerable.Range(0, 100).Select(i => OperationId.FromName($"w{t}/{i}")));
        foreach (var id in ids)
        {
            Assert.Equal(OperationState.Final, (await sut.GetOperationAsync(id)).State);
        }

        Assert.Equal((UInt128)800, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
        Assert.Equal(800, (await sut.GetMovementsAsync(0, ulong.MaxValue)).Count);
    }
}
