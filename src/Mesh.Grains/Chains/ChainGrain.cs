using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Mesh.Grains.Chains;

/// <summary>
/// One chain of the mesh: polls it through its <see cref="IChainClient"/> every block time (at least every
/// <see cref="ChainMonitorOptions.MinimumPollInterval"/>) while active, and answers its status; each good poll also
/// advances the chain's event index (<see cref="ChainIndexer"/>). Persists the last head seen, the reorganisation
/// record and the index (written at once when its totals or tentative events change); everything else is read from
/// the chain again on activation.
/// </summary>
internal sealed partial class ChainGrain(
    [PersistentState("chain")] IPersistentState<ChainState> state,
    ChainsConfiguration chains,
    IChainClientProvider chainClients,
    IOptions<ChainMonitorOptions> options,
    TimeProvider time,
    ILogger<ChainGrain> logger) : Grain, IChainGrain
{
    private ChainMonitor? _monitor;
    private ChainIndexer? _indexer;
    private IChainClient? _client;
    private IGrainTimer? _poll;
    private DateTimeOffset _persistedAt;
    private long _persistedIndexVersion;
    private ChainClientException? _indexError;
    private DateTimeOffset? _indexErrorAt;

    private ChainMonitor Monitor => _monitor
        ?? throw new MeshException(MeshErrorKind.NotFound, "chain.unknown", $"'{this.GetPrimaryKeyString()}' is not a chain of this mesh.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var definition = chains.FindChain(this.GetPrimaryKeyString());
        if (definition is null || !chainClients.TryGetClient(definition.Name, out var client))
        {
            return;
        }

        _monitor = new ChainMonitor(definition, client, options.Value, time, state.State);
        _indexer = new ChainIndexer(definition, client, options.Value, state.State.Index);
        _client = client;
        _persistedAt = time.GetUtcNow();
        await Poll(cancellationToken);
        var period = definition.BlockTime < options.Value.MinimumPollInterval ? options.Value.MinimumPollInterval : definition.BlockTime;
        _poll = this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(period, period));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _poll?.Dispose();
        if (_monitor is not null && Changed(_monitor.ToState()))
        {
            await Persist(cancellationToken);
        }
    }

    public Task<ChainStatus> Status(CancellationToken cancellationToken = default)
    {
        Report(Monitor.Reclassify());
        return Task.FromResult(View());
    }

    public async Task<ChainStatus> Refresh(CancellationToken cancellationToken = default)
    {
        _ = Monitor;
        await Poll(cancellationToken);
        return View();
    }

    public async Task<ChainInventory> Inventory(CancellationToken cancellationToken = default)
    {
        try
        {
            return await Monitor.ReadInventoryAsync(cancellationToken);
        }
        catch (ChainClientException e)
        {
            throw new MeshException(MeshErrorKind.Unavailable, "chain.unavailable", $"The inventory of chain '{Monitor.Chain.Name}' cannot be read now ({e.Code}): {e.Message}");
        }
    }

    private async Task Poll(CancellationToken cancellationToken)
    {
        var monitor = Monitor;
        var outcome = await monitor.PollAsync(cancellationToken);
        Report(outcome);
        ChainIndexStep? step = null;
        if (outcome.Failure is null && monitor.Head is { } head)
        {
            // A failed step is logged and shown by IndexedInventory; the next poll tries again from the same cursor.
            step = await Index(head, monitor.FinalizedNumber ?? 0, rethrow: false, cancellationToken);
        }

        var due = time.GetUtcNow() - _persistedAt >= options.Value.PersistInterval;
        if (step?.Material == true || (Changed(monitor.ToState()) && (outcome.Reorg is not null || outcome.HealthChanged || due)))
        {
            await Persist(cancellationToken);
        }
    }

    private bool Changed(ChainState current) =>
        current.HeadHash != state.State.HeadHash || current.Reorgs != state.State.Reorgs || _indexer?.Version != _persistedIndexVersion;

    private async Task Persist(CancellationToken cancellationToken)
    {
        var previous = state.State;
        var current = Monitor.ToState();
        current.Index = _indexer!.ToState();
        var version = _indexer.Version;
        state.State = current;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State = previous;
            throw;
        }

        _persistedAt = time.GetUtcNow();
        _persistedIndexVersion = version;
    }

    private ChainStatus View()
    {
        var m = Monitor;
        var chain = m.Chain;
        var (successes, failures) = m.CallCounts();
        var head = m.Head;
        var age = head is null ? (TimeSpan?)null : time.GetUtcNow() - head.Timestamp;
        return new ChainStatus(
            chain.Name,
            chain.ChainId,
            chain.Confirmations,
            chain.BlockTime,
            chain.RpcUrls.Count,
            [.. chain.RpcUrls.Select(RpcEndpointRedactor.Redact)],
            head is null ? null : new ChainHead(head.Number, head.Hash.ToString(), head.Timestamp),
            m.FinalizedNumber,
            age < TimeSpan.Zero ? TimeSpan.Zero : age,
            m.Health,
            m.HealthReason,
            m.HealthSince,
            m.LastError?.Code,
            m.LastError?.Message,
            m.LastErrorAt,
            successes,
            failures,
            m.CallWindow,
            m.InvalidResponses,
            m.Reorgs,
            m.LastReorgDepth,
            m.LastReorgAt,
            m.Inventory,
            m.CheckedAt);
    }
}
