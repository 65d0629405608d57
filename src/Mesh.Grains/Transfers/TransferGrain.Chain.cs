using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Transfers;
using ChainKind = Mesh.Chains.Clients.OperationKind;

namespace Mesh.Grains.Transfers;

/// <summary>The transfer's chains, operations, claims, health checks, planning, and what keeps it moving (timer, reminder).</summary>
internal sealed partial class TransferGrain
{
    internal const string ResumeReminder = "mesh.transfer.resume";

    private readonly Dictionary<string, (ulong Number, DateTimeOffset Since)> _heads = new(StringComparer.Ordinal);

    private IGrainTimer? _poll;
    private IGrainReminder? _reminder;

    private IChainClient Source => chainClients.GetClient(state.State.Quote!.Request.From);

    private IChainClient Destination => chainClients.GetClient(state.State.Quote!.Request.To);

    private OperationId LockId => OperationIdOf(Id, "lock");

    private OperationId ReleaseId => OperationIdOf(Id, "release");

    private OperationId RefundId => OperationIdOf(Id, "refund");

    /// <summary>The transfer's operation in the books of the protocol's vaults (the same id on both chains).</summary>
    private string VaultOperationId => TransferOperations.VaultOperationId(Id);

    private Mesh.Vaults.IVaultGrain SourceVault => VaultOf(state.State.Quote!.Request.From);

    private Mesh.Vaults.IVaultGrain DestinationVault => VaultOf(state.State.Quote!.Request.To);

    private string ReleaseClaim => $"{Id}/release";

    private string RefundClaim => $"{Id}/refund";

    /// <summary>The chain operation id of a step of a transfer: the same request id always gives the same ids.</summary>
    internal static OperationId OperationIdOf(string requestId, string step) => OperationId.FromName($"transfer/{requestId}/{step}");

    private Mesh.Vaults.IVaultGrain VaultOf(string chain) =>
        GrainFactory.GetGrain<Mesh.Vaults.IVaultGrain>(new Mesh.Vaults.VaultKey(state.State.Quote!.Request.ProtocolId, chain).ToString());

    private ITransferInventoryGrain Inventory(string chain) =>
        GrainFactory.GetGrain<ITransferInventoryGrain>($"{chain}/{state.State.Quote!.Request.Asset}");

    /// <summary>The lock (source), the release (destination) or the refund (a release of the lock back on the source).</summary>
    private ChainOperation Operation(ChainKind kind, bool refund)
    {
        var s = state.State;
        var request = s.Quote!.Request;
        return (kind, refund) switch
        {
            (ChainKind.Lock, _) => new ChainOperation(LockId, ChainKind.Lock, request.ProtocolId, s.Account, request.Asset, request.Amount),
            (_, false) => new ChainOperation(ReleaseId, ChainKind.Release, request.ProtocolId, s.Account, request.Asset, s.Quote.Delivered),
            _ => new ChainOperation(RefundId, ChainKind.Release, request.ProtocolId, s.Account, request.Asset, s.Locked),
        };
    }

    /// <summary>
    /// A chain as the transfer sees it on its own clock: unreachable when it does not answer, halted when its head
    /// number has not moved for <see cref="TransferOptions.HaltedAfterBlocks"/> block times. A head number is taken to
    /// exist since the earlier of its block's timestamp and the first time this activation saw it, so that a chain whose
    /// timestamps run ahead of the clock (an automining node gives every block its own second) is judged by what is
    /// observed, and a first look at a long-stopped chain still sees it halted. A node that mines only on transactions
    /// (no timed blocks) is indistinguishable from a halted chain: local nodes run timed blocks (<c>blockTimeMs</c>).
    /// </summary>
    private async Task<ChainHealth> HealthOf(string chain, CancellationToken cancellationToken)
    {
        var definition = chains.FindChain(chain)!;
        BlockHeader head;
        try
        {
            head = await chainClients.GetClient(chain).GetHeadAsync(cancellationToken);
        }
        catch (ChainClientException e) when (e.IsTransient || e.Kind == ChainErrorKind.InvalidResponse)
        {
            return ChainHealth.Unreachable;
        }

        var now = time.GetUtcNow();
        if (!_heads.TryGetValue(chain, out var seen) || seen.Number != head.Number)
        {
            seen = (head.Number, head.Timestamp < now ? head.Timestamp : now);
            _heads[chain] = seen;
        }

        return now - seen.Since >= definition.BlockTime * Options.HaltedAfterBlocks ? ChainHealth.Halted : ChainHealth.Healthy;
    }

    /// <summary>Plans on the routes of chains.json with every chain's health and every route's use now.</summary>
    private async Task<RoutePlanResult> PlanAsync(TransferQuoteRequest request, CancellationToken cancellationToken)
    {
        var health = new Dictionary<string, ChainHealth>(StringComparer.Ordinal);
        var loads = new Dictionary<Mesh.Chains.Configuration.BridgeRoute, RouteLoad>();
        if (chains.FindChain(request.From ?? "") is not null && chains.FindChain(request.To ?? "") is not null)
        {
            // Every chain's head and every route's load at once: a quote waits for the slowest, not for their sum.
            var routes = chains.Routes.Where(r => r.Asset == request.Asset).ToList();
            var names = routes.SelectMany(r => new[] { r.From, r.To }).Distinct(StringComparer.Ordinal).ToList();
            var healths = Task.WhenAll(names.Select(chain => HealthOf(chain, cancellationToken)));
            var used = await Task.WhenAll(routes.Select(route => RouteGrain(route.Asset, route.From, route.To).Load(cancellationToken)));
            var judged = await healths;
            for (var i = 0; i < names.Count; i++)
            {
                health[names[i]] = judged[i];
            }

            for (var i = 0; i < routes.Count; i++)
            {
                loads[routes[i]] = new RouteLoad(used[i].InTransit, used[i].BucketAvailable);
            }
        }

        return RoutePlanner.Plan(
            chains,
            new RouteRequest(request.Asset!, request.From!, request.To!, request.Amount, request.Deadline),
            route => loads.GetValueOrDefault(route) ?? new RouteLoad(UInt128.Zero, route.RateLimit.Capacity),
            chain => health.GetValueOrDefault(chain, ChainHealth.Healthy));
    }

    private ITransferRouteGrain RouteGrain(string asset, string from, string to) => GrainFactory.GetGrain<ITransferRouteGrain>($"{asset}/{from}/{to}");

    /// <summary>The crossings of the quoted route, e.g. local-a → local-b.</summary>
    private IEnumerable<ITransferRouteGrain> Hops()
    {
        var quote = state.State.Quote!;
        var path = quote.Path.Split(" → ");
        return path.Zip(path.Skip(1), (from, to) => RouteGrain(quote.Request.Asset, from, to));
    }

    /// <summary>Admits the transfer on every hop (the whole amount on each, an upper bound); on a refusal the hops admitted so far give their tokens back.</summary>
    private async Task<string?> AdmitAsync(CancellationToken cancellationToken)
    {
        foreach (var hop in Hops())
        {
            if (await hop.Admit(Id, state.State.Quote!.Request.Amount, cancellationToken) is { } refusal)
            {
                await CompleteHopsAsync(crossed: false, cancellationToken);
                return refusal;
            }
        }

        return null;
    }

    /// <summary>Takes the transfer out of transit on every hop; when nothing <paramref name="crossed"/>, the hops' buckets get their tokens back.</summary>
    private Task CompleteHopsAsync(bool crossed, CancellationToken cancellationToken) =>
        Task.WhenAll(Hops().Select(hop => crossed ? hop.Complete(Id, cancellationToken) : hop.GiveBack(Id, cancellationToken)));

    private void EnsurePolling()
    {
        _poll ??= this.RegisterGrainTimer(Drive, new GrainTimerCreationOptions(Options.PollInterval, Options.PollInterval));
    }

    private void StopPolling()
    {
        _poll?.Dispose();
        _poll = null;
    }

    /// <summary>
    /// Registers the resume reminder unless it is (a transfer executed for the first time has none: no need to look),
    /// keeping its handle so that <see cref="Finish"/> need not look it up either.
    /// </summary>
    private async Task EnsureReminder(bool firstExecute, CancellationToken cancellationToken)
    {
        if (_reminder is not null)
        {
            return;
        }

        _reminder = firstExecute ? null : await this.GetReminder(ResumeReminder, cancellationToken);
        _reminder ??= await this.RegisterOrUpdateReminder(ResumeReminder, Options.ResumePeriod, Options.ResumePeriod, cancellationToken);
    }

    /// <summary>
    /// After the terminal write: off every hop (a settled transfer's tokens stay spent, any other's come back), out of the
    /// in-flight index, no more reminders, no more polls (each step repeatable).
    /// The timer goes last: disposing it cancels the token of the poll that may be running this very step.
    /// </summary>
    private async Task Finish(CancellationToken cancellationToken)
    {
        if (state.State.ExecuteRequested)
        {
            await Task.WhenAll(CompleteHopsAsync(state.State.Phase == TransferPhase.Settled, cancellationToken), GrainFactory.GetGrain<ITransferIndexGrain>(ITransferIndexGrain.Key).Remove(Id, cancellationToken));
            if ((_reminder ?? await this.GetReminder(ResumeReminder, cancellationToken)) is { } reminder)
            {
                await this.UnregisterReminder(reminder, cancellationToken);
                _reminder = null;
            }
        }

        StopPolling();
    }
}
