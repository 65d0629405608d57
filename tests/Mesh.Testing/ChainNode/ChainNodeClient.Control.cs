using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;

namespace Mesh.Testing.ChainNode;

/// <summary>The simulated chain's control surface, forwarded to the node (synchronously, as the interface is).</summary>
internal sealed partial class ChainNodeClient
{
    public bool IsHalted => State().IsHalted;

    public int PendingCount => State().PendingCount;

    public void Fund(string account, string token, UInt128 amount) =>
        _node.Send<object>(HttpMethod.Post, "faucet", new ChainNodeFunding(account, token, amount));

    public void Approve(string owner, string token, UInt128 amount) =>
        _node.Send<object>(HttpMethod.Post, "approvals", new ChainNodeFunding(owner, token, amount));

    public void HaltBlocks() => _node.Send<object>(HttpMethod.Post, "halt");

    public void ResumeBlocks() => _node.Send<object>(HttpMethod.Post, "resume");

    public void FailNextCalls(int count, ChainErrorKind kind = ChainErrorKind.Unavailable) =>
        _node.Send<object>(HttpMethod.Post, "fail-next", new ChainNodeFault(kind, Count: count));

    public void SetCallFailureRate(double probability, ChainErrorKind kind = ChainErrorKind.Timeout) =>
        _node.Send<object>(HttpMethod.Post, "failure-rate", new ChainNodeFault(kind, Probability: probability));

    public void SetLatency(TimeSpan latency) => _node.Send<object>(HttpMethod.Post, "latency", new ChainNodeLatency(latency));

    public void ClearFaults() => _node.Send<object>(HttpMethod.Post, "clear-faults");

    public IReadOnlyList<OperationId> Reorg(int depth, ReorgMode mode = ReorgMode.Requeue) =>
        Required(_node.Send<List<OperationId>>(HttpMethod.Post, "reorg", new ChainNodeReorg(depth, mode)));

    public UInt128 GetTotalSupply(string token) => Supply(token).Supply;

    public UInt128 GetMinted(string token) => Supply(token).Minted;

    private ChainNodeState State() => Required(_node.Send<ChainNodeState>(HttpMethod.Get, "state"));

    private ChainNodeSupply Supply(string token) => Required(_node.Send<ChainNodeSupply>(HttpMethod.Get, $"supply/{Escape(token)}"));
}
