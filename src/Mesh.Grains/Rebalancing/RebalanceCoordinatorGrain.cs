using Mesh.Errors;
using Mesh.Grains.Hosting;
using Mesh.Grains.Markets;
using Mesh.Rebalancing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Mesh.Grains.Rebalancing;

/// <summary>
/// One market's coordinator (key: the asset, or <c>ASSET-PERP</c> for its perp market, <see cref="CoordinatorMarkets"/>).
/// Reentrant, but every change goes through one allocation round at a
/// time: calls that arrive within <see cref="RebalancingOptions.BatchWindow"/> (or while a round is writing) are applied
/// together — completions and releases first, then expiries, then the new and queued requests decided by
/// <see cref="GrantAllocator"/> — the book is checked (<see cref="CoordinatorBook.CheckConservation"/>), the state is
/// written once, and only then is any call answered. Reads go through a round too, so an answer never shows a grant
/// that is not durable; the one exception is the status of a request still queued when requests are decided only by
/// allocation rounds (<see cref="RebalancingOptions.AllocateOnRequest"/> off), read from the book at once. The market's claim on the global budget is raised before a round grants and lowered after it
/// writes; a new activation re-syncs the claim to the persisted total. A grain timer sweeps while anything is open and
/// a reminder wakes the grain after a failover.
/// </summary>
[Reentrant]
internal sealed partial class RebalanceCoordinatorGrain(
    [PersistentState("coordinator")] IPersistentState<CoordinatorState> state,
    IOptions<RebalancingOptions> options,
    Mesh.Chains.Configuration.ChainsConfiguration chains,
    [FromKeyedServices(RebalancingServices.ClockKey)] TimeProvider time,
    IServiceProvider services,
    ILogger<RebalanceCoordinatorGrain> logger) : Grain, IRebalanceCoordinatorGrain, IRemindable
{
    private const string SweepReminder = "rebalance-sweep";

    /// <summary>How long a round waits for the revaluation partitions' holdings (for the spillover gate) before it is decided without them.</summary>
    private static readonly TimeSpan HoldingsTimeout = TimeSpan.FromSeconds(5);

    private readonly List<PendingOperation> _pending = [];

    /// <summary>The oracle's prices seen lately without the mesh's own expected impact, oldest first, one per round (in memory: after an activation the trend is read afresh).</summary>
    private readonly List<(DateTimeOffset At, decimal Price)> _prices = [];
    private long _lastRound;
    private MarketReading? _lastReading;

    /// <summary>What this activation saw completed over the trailing day, in fractions of the day's depth at the time (the mesh's permanent impact, read with <see cref="_prices"/>).</summary>
    private readonly AbsorbedFlow _absorbed = new();
    private (long Round, UInt128? Total)? _holdings;
    private readonly IMarketVenue? _venue = services.GetService<IMarketVenue>();
    private readonly IPerpVenue? _perps = services.GetService<IPerpVenue>();
    private CoordinatorBook? _book;
    private MarketRules? _rules;
    private int? _decimals;
    private Task? _runner;
    private IGrainTimer? _timer;
    private bool? _reminderOn;

    /// <summary>The market's key: an asset, or an asset's perp (<see cref="CoordinatorMarkets"/>).</summary>
    private string Asset => this.GetPrimaryKeyString();

    /// <summary>The asset the market trades (the perp's underlying for a perp market).</summary>
    private string Underlying => CoordinatorMarkets.Underlying(Asset);

    private bool IsPerp => CoordinatorMarkets.IsPerp(Asset);

    private RebalancingOptions Options => options.Value;

    private MarketRules Rules => _rules ??= Options.For(Asset, KnownAssets.Require(chains, Underlying));

    private CoordinatorBook Book => _book ??= new CoordinatorBook(state.State);

    private int Decimals => _decimals ??= chains.Chains.SelectMany(c => c.Tokens).First(t => t.Symbol == Underlying).Decimals;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (chains.Assets.Contains(Underlying, StringComparer.Ordinal) && state.State.Open.Count > 0)
        {
            // Grants and a queue survived a deactivation or a failover: sweep them (and re-sync the budget) at once.
            _ = Enqueue(new PendingOperation { Kind = PendingKind.Tick });
        }

        return Task.CompletedTask;
    }

    public async Task<SaleGrant> Request(SaleRequest request, CancellationToken cancellationToken = default)
    {
        _ = Rules;
        SaleRequestValidator.Check(request);
        var answer = await Enqueue(new PendingOperation { Kind = PendingKind.Request, Request = request, RequestId = request.RequestId }).Grant.Task.WaitAsync(cancellationToken);
        return answer!;
    }

    public async Task<SaleGrant?> Status(string requestId, CancellationToken cancellationToken = default)
    {
        _ = Rules;
        SaleRequestValidator.RequestId(requestId);
        // Without allocation on request only an allocation round grants a queued request: until one does, and while its
        // queue time lasts, its status is the book's, answered at once instead of in a round of its own (a queued answer
        // is no grant; whatever grants is still answered only once durable).
        if (!Options.AllocateOnRequest && Book.Find(requestId) is { Status: GrantStatus.Queued, ExpiresAt: { } until } queued && until > time.GetUtcNow())
        {
            return queued.ToGrant(Asset);
        }
        return await Enqueue(new PendingOperation { Kind = PendingKind.Status, RequestId = requestId }).Grant.Task.WaitAsync(cancellationToken);
    }

    public async Task<SaleGrant> Complete(string requestId, UInt128 executed, CancellationToken cancellationToken = default)
    {
        _ = Rules;
        SaleRequestValidator.RequestId(requestId);
        var answer = await Enqueue(new PendingOperation { Kind = PendingKind.Complete, RequestId = requestId, Executed = executed }).Grant.Task.WaitAsync(cancellationToken);
        return answer!;
    }

    public async Task<SaleGrant> Release(string requestId, string reason, CancellationToken cancellationToken = default)
    {
        _ = Rules;
        SaleRequestValidator.RequestId(requestId);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 256)
        {
            throw MeshException.Invalid("reason", "reason.malformed", "reason must be 1-256 characters.");
        }

        var answer = await Enqueue(new PendingOperation { Kind = PendingKind.Release, RequestId = requestId, Reason = reason }).Grant.Task.WaitAsync(cancellationToken);
        return answer!;
    }

    public Task<CoordinatorView> View(CancellationToken cancellationToken = default)
    {
        _ = Rules;
        return Enqueue(new PendingOperation { Kind = PendingKind.View }).View.Task.WaitAsync(cancellationToken);
    }

    public Task<CoordinatorView> Allocate(CancellationToken cancellationToken = default)
    {
        _ = Rules;
        return Enqueue(new PendingOperation { Kind = PendingKind.Allocate }).View.Task.WaitAsync(cancellationToken);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == SweepReminder ? Enqueue(new PendingOperation { Kind = PendingKind.Tick }).Grant.Task : Task.CompletedTask;

    private PendingOperation Enqueue(PendingOperation operation)
    {
        _pending.Add(operation);
        if (_runner is null || _runner.IsCompleted)
        {
            _runner = RunAsync();
        }

        return operation;
    }

    /// <summary>Runs rounds while calls wait; each gathers what arrived during the batch window or the previous round.</summary>
    private async Task RunAsync()
    {
        while (_pending.Count > 0)
        {
            await Task.Delay(Options.BatchWindow);
            var batch = _pending.ToList();
            _pending.Clear();
            await RoundAsync(batch);
        }
    }

    /// <summary>Starts or stops the sweep timer and the reminder: on while anything is open.</summary>
    private async Task ScheduleAsync()
    {
        var busy = state.State.Open.Count > 0;
        if (busy && _timer is null)
        {
            _timer = this.RegisterGrainTimer(_ => Enqueue(new PendingOperation { Kind = PendingKind.Tick }).Grant.Task, new GrainTimerCreationOptions(Options.SweepInterval, Options.SweepInterval) { Interleave = true });
        }
        else if (!busy && _timer is not null)
        {
            _timer.Dispose();
            _timer = null;
        }

        if (busy == _reminderOn)
        {
            return;
        }

        try
        {
            if (busy)
            {
                await this.RegisterOrUpdateReminder(SweepReminder, Options.ReminderPeriod, Options.ReminderPeriod);
            }
            else if (await this.GetReminder(SweepReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderOn = busy;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The grants are durable already; the timer sweeps while this activation lives, and the next round retries.
            LogReminderFailed(logger, Asset, busy, exception);
        }
    }
}
