using BenchmarkDotNet.Attributes;
using Mesh.Chains.Clients;
using Mesh.Transfers;

namespace Mesh.Benchmarks;

/// <summary>
/// Cross-chain transfers of 10 USDC on three local Hardhat nodes through a real EVM-mode silo (see
/// <see cref="TransferBenchChains"/>: no confirmations, so a transaction is final once mined, and the saga follows a
/// submission at once instead of at its next poll). <see cref="ChainOnly"/> (baseline) is what the chains alone take
/// for one transfer: its lock on local-a and its release on local-b through the mesh's own EVM client, each submitted
/// and then read until final, one after the other as the saga does. <see cref="OneTransfer"/> minus
/// <see cref="ChainOnly"/> is the mesh's own overhead per transfer (target: under 50 ms): quote (route planning, the
/// chains' heads, the routes' loads), the grains and their PostgreSQL writes, inventory and rate limits.
/// <see cref="ConcurrentTransfers"/> runs 100 at once over the six routes; reported per transfer, so 1 / Mean is
/// transfers per second (target: at least 50).
/// </summary>
[MemoryDiagnoser]
public class TransferBenchmarks
{
    private const int Concurrent = 100;
    private static readonly UInt128 Amount = 10 * TransferBenchChains.Usdc;
    private static readonly (string From, string To)[] Routes =
        [.. TransferBenchChains.ChainNames.SelectMany(from => TransferBenchChains.ChainNames.Where(to => to != from).Select(to => (from, to)))];

    private TransferBenchChains _chains = null!;
    private long _sequence;

    [GlobalSetup]
    public void Setup() => _chains = TransferBenchChains.StartAsync(CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _chains.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The chain work of one transfer without the mesh: a lock final on local-a, then a release final on local-b.</summary>
    [Benchmark(Baseline = true)]
    public async Task ChainOnly()
    {
        var id = $"bench/{Interlocked.Increment(ref _sequence)}/{Guid.NewGuid():N}";
        var fee = ((Amount * 5) + 9_999) / 10_000;
        await FinalAsync(_chains.ChainClients["local-a"], new ChainOperation(OperationId.FromName($"{id}/lock"), OperationKind.Lock, TransferBenchChains.Protocol, _chains.Account, TransferBenchChains.Asset, Amount));
        await FinalAsync(_chains.ChainClients["local-b"], new ChainOperation(OperationId.FromName($"{id}/release"), OperationKind.Release, TransferBenchChains.Protocol, _chains.Account, TransferBenchChains.Asset, Amount - fee));
    }

    /// <summary>One transfer from local-a to local-b as a router makes it: quote, execute, and (if it has not ended yet) its status until settled.</summary>
    [Benchmark]
    public Task OneTransfer() => TransferAsync("local-a", "local-b");

    /// <summary>100 transfers at once, spread over the six routes between the three chains; reported per transfer.</summary>
    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task ConcurrentTransfers() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => TransferAsync(Routes[i % Routes.Length].From, Routes[i % Routes.Length].To)));

    private static async Task FinalAsync(IChainClient chain, ChainOperation operation)
    {
        await chain.SubmitAsync(operation);
        while (true)
        {
            var status = await chain.GetOperationAsync(operation.Id);
            switch (status.State)
            {
                case OperationState.Final:
                    return;
                case OperationState.Failed or OperationState.Unknown:
                    throw new InvalidOperationException($"{chain.ChainName}: operation {operation.Id} is {status.State} ({status.FailureCode} {status.FailureReason}).");
                default:
                    await Task.Delay(1);
                    break;
            }
        }
    }

    private async Task TransferAsync(string from, string to)
    {
        var transfer = _chains.Client.GetGrain<ITransferGrain>($"bench:{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}");
        await transfer.Quote(new TransferQuoteRequest(TransferBenchChains.Protocol, TransferBenchChains.Asset, from, to, Amount, TimeSpan.FromMinutes(10)));
        var status = await transfer.Execute();
        while (!status.IsTerminal)
        {
            await Task.Delay(1);
            status = await transfer.Status();
        }

        if (status.Phase != TransferPhase.Settled)
        {
            throw new InvalidOperationException($"Transfer {status.RequestId} ended {status.Phase}: {status.Reason} {status.ReasonDetail}");
        }
    }
}
