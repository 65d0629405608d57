using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Grains.Chains;
using Mesh.Grains.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Chains;

/// <summary>Answers a faulty node could give: each is rejected as an invalid response, counted, and changes nothing.</summary>
public sealed class ChainMonitorValidationTests
{
    private static readonly ChainDefinition Chain = TestChains.Load().FindChain("local-a")!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedChainClient _node = new(Chain.Name, Chain.Confirmations);
    private readonly ChainMonitor _sut;

    public ChainMonitorValidationTests()
    {
        _sut = new ChainMonitor(Chain, _node, new ChainMonitorOptions(), _time);
        _node.Mine(_time.GetUtcNow());
    }

    private async Task Mine(int count, int branch = 0)
    {
        for (var i = 0; i < count; i++)
        {
            _time.Advance(Chain.BlockTime);
            _node.Mine(_time.GetUtcNow(), branch);
            await _sut.PollAsync(CancellationToken.None);
        }
    }

    private async Task<ChainClientException> Rejected(string expected)
    {
        var head = _sut.Head;
        var finalized = _sut.FinalizedNumber;
        var (successes, failures) = _sut.CallCounts();

        var outcome = await _sut.PollAsync(CancellationToken.None);

        Assert.Equal(ChainErrorKind.InvalidResponse, outcome.Failure?.Kind);
        Assert.Equal(ChainErrorCodes.InvalidResponse, outcome.Failure!.Code);
        Assert.Contains(expected, outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _sut.InvalidResponses);
        Assert.Equal(failures + 1, _sut.CallCounts().Failures);
        Assert.True(_sut.CallCounts().Successes > successes);
        Assert.Equal(head, _sut.Head);
        Assert.Equal(finalized, _sut.FinalizedNumber);
        Assert.Equal(Mesh.Chains.ChainHealth.Degraded, outcome.Health);
        return outcome.Failure;
    }

    [Fact]
    public async Task PollAsync_HeadGoesBackOnTheSameBranch_RejectedAsALaggingNode()
    {
        await Mine(5);
        _node.HeadAnswer = _node.Blocks[3];
        _node.FinalizedAnswer = _node.Blocks[1];

        await Rejected("the node lags");
    }

    [Fact]
    public async Task PollAsync_HeadStampedInTheFuture_Rejected()
    {
        await Mine(5);
        _time.Advance(Chain.BlockTime);
        var last = _node.Blocks[^1];
        _node.Blocks.Add(new BlockHeader(last.Number + 1, ScriptedChainClient.Hash(last.Number + 1, 9), last.Hash, _time.GetUtcNow().AddHours(1)));

        await Rejected("ahead of the mesh's clock");
    }

    [Fact]
    public async Task PollAsync_FinalizedAboveHeadMinusConfirmations_Rejected()
    {
        await Mine(5);
        _node.FinalizedAnswer = _node.Blocks[^2];

        await Rejected("fewer than 2 blocks on top of it");
    }

    [Fact]
    public async Task PollAsync_BlockStampedBeforeItsParent_Rejected()
    {
        await Mine(5);
        _time.Advance(Chain.BlockTime);
        var last = _node.Blocks[^1];
        _node.Blocks.Add(new BlockHeader(last.Number + 1, ScriptedChainClient.Hash(last.Number + 1, 9), last.Hash, last.Timestamp.AddSeconds(-30)));

        await Rejected("before its parent");
    }

    [Fact]
    public async Task PollAsync_IntermediateBlockOfAnotherBranch_RejectedAsDisagreeingAnswers()
    {
        await Mine(5);
        _time.Advance(Chain.BlockTime * 2);
        _node.Mine(_time.GetUtcNow());
        var middle = _node.Blocks[^1];
        _node.Mine(_time.GetUtcNow());
        _node.BlockAnswers[middle.Number] = middle with { Hash = ScriptedChainClient.Hash(middle.Number, 7) };

        await Rejected("the answers disagree");
    }

    [Fact]
    public async Task PollAsync_HeadGoesBackToAnotherBranch_RecordedAsAReorganisation()
    {
        await Mine(5);
        var old = _sut.Head!;
        _node.Truncate(old.Number - 3);
        _time.Advance(Chain.BlockTime);
        _node.Mine(_time.GetUtcNow(), branch: 1);
        _node.Mine(_time.GetUtcNow(), branch: 1);

        var outcome = await _sut.PollAsync(CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(old.Number - 1, _sut.Head!.Number);
        Assert.Equal(3, outcome.Reorg!.Depth);
        Assert.Equal(old.Number - 3, outcome.Reorg.Ancestor);
        Assert.True(outcome.Reorg.FinalityBroken);
        Assert.Equal(0, _sut.InvalidResponses);
    }

    [Fact]
    public async Task PollAsync_AfterARejectedAnswer_AcceptsTheNextGoodOne()
    {
        await Mine(5);
        _node.HeadAnswer = _node.Blocks[2];
        _node.FinalizedAnswer = _node.Blocks[0];
        await _sut.PollAsync(CancellationToken.None);
        _node.HeadAnswer = null;
        _node.FinalizedAnswer = null;

        await Mine(1);

        Assert.Equal(_node.Blocks[^1], _sut.Head);
        Assert.Equal(1, _sut.InvalidResponses);
        Assert.Equal(0, _sut.FailedPollsInARow);
    }
}
