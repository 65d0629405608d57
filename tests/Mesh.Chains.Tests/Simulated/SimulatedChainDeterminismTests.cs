using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainDeterminismTests
{
    [Fact]
    public async Task Run_SameSeedSameInputs_SameHashesBlocksAndEvents()
    {
        var first = await RunScenarioAsync(seed: 42);
        var second = await RunScenarioAsync(seed: 42);

        Assert.Equal(first.Blocks, second.Blocks);
        Assert.Equal(first.Submissions, second.Submissions);
        Assert.Equal(first.Events, second.Events);
    }

    [Fact]
    public async Task Run_DifferentSeed_DifferentHashes()
    {
        var first = await RunScenarioAsync(seed: 42);
        var second = await RunScenarioAsync(seed: 43);

        Assert.NotEqual(first.Blocks[0].Hash, second.Blocks[0].Hash);
        Assert.NotEqual(first.Submissions, second.Submissions);
    }

    [Fact]
    public async Task Create_SameSeedDifferentChains_DifferentGenesis()
    {
        var time = new FakeTimeProvider();
        var options = new SimulatedChainOptions { Seed = 5 };

        var a = await TestChain.Create(time, options, name: "sim-a").GetHeadAsync();
        var b = await TestChain.Create(time, options, name: "sim-b").GetHeadAsync();

        Assert.NotEqual(a.Hash, b.Hash);
    }

    private static async Task<(List<BlockHeader> Blocks, List<Bytes32> Submissions, List<MovementEvent> Events)> RunScenarioAsync(int seed)
    {
        var time = new FakeTimeProvider();
        var sut = TestChain.Create(time, new SimulatedChainOptions { Seed = seed });
        sut.Fund(TestChain.Alice, TestChain.Usdc, 10_000);
        sut.Fund(TestChain.Bob, TestChain.Weth, 5_000);
        var submissions = new List<Bytes32>();
        for (var i = 0; i < 6; i++)
        {
            submissions.Add((await sut.SubmitAsync(TestChain.Deposit($"a{i}", (UInt128)(100 + i)))).TransactionHash);
            submissions.Add((await sut.SubmitAsync(TestChain.Operation($"b{i}", OperationKind.Deposit, 7, TestChain.Bob, TestChain.Weth, "perp"))).TransactionHash);
            time.AdvanceBlocks(1);
            if (i == 3)
            {
                sut.Reorg(2);
            }
        }

        time.AdvanceBlocks(3);
        var head = await sut.GetHeadAsync();
        var blocks = new List<BlockHeader>();
        for (ulong n = 0; n <= head.Number; n++)
        {
            blocks.Add((await sut.GetBlockAsync(n))!);
        }

        return (blocks, submissions, (await sut.GetMovementsAsync(0, head.Number)).ToList());
    }
}
