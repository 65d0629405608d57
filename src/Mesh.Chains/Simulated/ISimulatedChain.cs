using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;

namespace Mesh.Chains.Simulated;

/// <summary>
/// A deterministic in-memory chain behind <see cref="IChainClient"/>, for simulations and tests: blocks every
/// <see cref="ChainDefinition.BlockTime"/> of its <see cref="TimeProvider"/>, an ERC-20 ledger per token, the mesh
/// vault and bridge, and fault injection. The control members below act at once and never fail by injected faults.
/// Same seed, same clock and same calls in the same order give the same hashes and blocks.
/// </summary>
/// <remarks>
/// Blocks due by the clock are produced when the chain is next called, each at its scheduled timestamp. Every block
/// header stays in memory (about a hundred bytes each), so a run of a simulated day at one-second blocks holds
/// 86,400 of them. Calls from many threads are safe; the order in which they take the lock decides the outcome,
/// so determinism needs a deterministic call order.
/// </remarks>
public interface ISimulatedChain : IChainClient
{
    /// <summary>The chain's definition from <c>chains.json</c>.</summary>
    ChainDefinition Definition { get; }

    /// <summary>Whether block production is halted.</summary>
    bool IsHalted { get; }

    /// <summary>How many transactions wait in the mempool.</summary>
    int PendingCount { get; }

    /// <summary>Faucet: mints <paramref name="amount"/> of a token to an address, at once and outside any block.</summary>
    /// <param name="account">The address (<c>0x</c> and 40 hex digits).</param>
    /// <param name="token">The token symbol.</param>
    /// <param name="amount">The amount in base units; greater than zero.</param>
    void Fund(string account, string token, UInt128 amount);

    /// <summary>Sets the allowance an account gives the vault (ERC-20 <c>approve</c>), used when <see cref="SimulatedChainOptions.RequireAllowance"/> is on.</summary>
    /// <param name="owner">The account address.</param>
    /// <param name="token">The token symbol.</param>
    /// <param name="amount">The new allowance in base units.</param>
    void Approve(string owner, string token, UInt128 amount);

    /// <summary>Stops block production: nothing more is included or becomes final until <see cref="ResumeBlocks"/>.</summary>
    void HaltBlocks();

    /// <summary>Restarts block production; the next block comes one block time after now.</summary>
    void ResumeBlocks();

    /// <summary>Makes the next <paramref name="count"/> client calls fail with <paramref name="kind"/>.</summary>
    /// <param name="count">How many calls fail; 0 disarms.</param>
    /// <param name="kind">The failure: <see cref="ChainErrorKind.Unavailable"/> (no effect) or <see cref="ChainErrorKind.Timeout"/>
    /// (a submission still takes effect, only its answer is lost), or another kind.</param>
    void FailNextCalls(int count, ChainErrorKind kind = ChainErrorKind.Unavailable);

    /// <summary>Makes each client call fail with <paramref name="kind"/> with the given probability, drawn from the seeded generator.</summary>
    /// <param name="probability">From 0 (disarmed) to 1.</param>
    /// <param name="kind">The failure.</param>
    void SetCallFailureRate(double probability, ChainErrorKind kind = ChainErrorKind.Timeout);

    /// <summary>Delays every client call by <paramref name="latency"/> of the chain's clock.</summary>
    /// <param name="latency">The delay; zero disarms.</param>
    void SetLatency(TimeSpan latency);

    /// <summary>Disarms every call fault and the latency (not a halt).</summary>
    void ClearFaults();

    /// <summary>
    /// Replaces the last <paramref name="depth"/> blocks with as many empty blocks of other hashes: their movements
    /// are undone and their events vanish, and their transactions go back to the mempool or are dropped. A depth
    /// beyond <see cref="IChainClient.Confirmations"/> breaks finality, which a real chain should never do.
    /// </summary>
    /// <param name="depth">How many blocks; from 1 to the head number.</param>
    /// <param name="mode">What happens to their transactions.</param>
    /// <returns>The operations whose transactions were in the removed blocks, in block order.</returns>
    IReadOnlyList<OperationId> Reorg(int depth, ReorgMode mode = ReorgMode.Requeue);

    /// <summary>The sum of every address's balance of a token (accounts, vault, bridge).</summary>
    /// <param name="token">The token symbol.</param>
    /// <returns>The supply in base units; always equal to <see cref="GetMinted"/>.</returns>
    UInt128 GetTotalSupply(string token);

    /// <summary>How much of a token the faucet minted.</summary>
    /// <param name="token">The token symbol.</param>
    /// <returns>The amount in base units.</returns>
    UInt128 GetMinted(string token);
}
