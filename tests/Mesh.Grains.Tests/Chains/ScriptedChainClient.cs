using System.Buffers.Binary;
using Mesh.Chains.Clients;

namespace Mesh.Grains.Tests.Chains;

/// <summary>A hand-driven chain for unit tests of <see cref="Grains.Chains.ChainMonitor"/>: the test mines blocks and can make the node answer stale or absurd data.</summary>
internal sealed class ScriptedChainClient(string chainName, int confirmations) : IChainClient
{
    public List<BlockHeader> Blocks { get; } = [];

    public BlockHeader? HeadAnswer { get; set; }

    public BlockHeader? FinalizedAnswer { get; set; }

    public Dictionary<ulong, BlockHeader> BlockAnswers { get; } = [];

    public string ChainName => chainName;

    public int Confirmations => confirmations;

    public BlockHeader Mine(DateTimeOffset at, int branch = 0)
    {
        var number = (ulong)Blocks.Count;
        var parent = Blocks.Count == 0 ? Bytes32.Zero : Blocks[^1].Hash;
        var block = new BlockHeader(number, Hash(number, branch), parent, at);
        Blocks.Add(block);
        return block;
    }

    /// <summary>Drops the blocks above <paramref name="keep"/> (a reorganisation starts there).</summary>
    public void Truncate(ulong keep) => Blocks.RemoveRange((int)keep + 1, Blocks.Count - (int)keep - 1);

    public static Bytes32 Hash(ulong number, int branch)
    {
        Span<byte> seed = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64BigEndian(seed, number);
        BinaryPrimitives.WriteInt32BigEndian(seed[8..], branch);
        return Bytes32.Sha256(seed);
    }

    public Task<BlockHeader> GetHeadAsync(CancellationToken cancellationToken = default) => Task.FromResult(HeadAnswer ?? Blocks[^1]);

    public Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(FinalizedAnswer ?? Blocks[Math.Max(0, Blocks.Count - 1 - confirmations)]);

    public Task<BlockHeader?> GetBlockAsync(ulong number, CancellationToken cancellationToken = default) =>
        Task.FromResult(BlockAnswers.TryGetValue(number, out var answer) ? answer : number < (ulong)Blocks.Count ? Blocks[(int)number] : null);

    public Task<UInt128> GetBalanceAsync(string token, string account, CancellationToken cancellationToken = default) => Task.FromResult(UInt128.Zero);

    public Task<OperationSubmission> SubmitAsync(ChainOperation operation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<OperationStatus> GetOperationAsync(OperationId operationId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<UInt128> GetVaultBalanceAsync(string token, string protocolId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<MovementEvent>> GetMovementsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
