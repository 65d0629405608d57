using System.Diagnostics.Metrics;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Diagnostics;
using Mesh.Runtime.PostgreSql;
using Mesh.Runtime.Transport;
using Microsoft.Extensions.Logging;

namespace Mesh.Runtime.Cluster;

/// <summary>
/// Keeps this silo in the cluster: heartbeats, renews its partition leases, hands partitions off when the assignment
/// changes (join or graceful leave) and takes over expired ones (crash). A lease it could not renew stops being served
/// locally before the database lets anyone else take it.
/// </summary>
internal sealed partial class ClusterMembershipService : IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly ClusterGrainLocator _locator;
    private readonly PostgresClusterTable _table;
    private readonly SiloTransportServer _server;
    private readonly ClusterOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Counter<long> _ownershipChanges;
    private CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private string _status = "joining";
    private long _lastWake;
    private int _liveSilos;

    public ClusterMembershipService(GrainRuntime runtime, ClusterGrainLocator locator, PostgresClusterTable table, SiloTransportServer server, ClusterOptions options, IMeterFactory meters, ILogger<ClusterMembershipService> logger)
    {
        _runtime = runtime;
        _locator = locator;
        _table = table;
        _server = server;
        _options = options;
        _logger = logger;
        var meter = meters.Create(RuntimeInstrumentation.Name);
        var silo = new KeyValuePair<string, object?>(InstrumentNames.SiloTag, runtime.SiloId);
        meter.CreateObservableGauge(InstrumentNames.PartitionsOwned, () => new Measurement<int>(_locator.HeldPartitions().Count, silo), "{partition}", "Partitions this silo holds a lease on.");
        meter.CreateObservableGauge(InstrumentNames.LiveSilos, () => new Measurement<int>(_liveSilos, silo), "{silo}", "Live silos in the membership table, as last read.");
        _ownershipChanges = meter.CreateCounter<long>(InstrumentNames.OwnershipChanges, "{partition}", "Partitions acquired, handed off or lost by this silo.");
        _locator.RefreshRequested += OnRefreshRequested;
    }

    public Uri? Endpoint { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = await _server.StartAsync(cancellationToken);
        Endpoint = new Uri($"{_server.Scheme}://{_options.AdvertisedHost}:{port}/");
        await _table.EnsurePartitionsAsync(_locator.PartitionCount, cancellationToken);
        await _table.RegisterAsync(_runtime.SiloId, _options.AdvertisedHost, port, _runtime.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        _status = "active";
        await TickAsync(cancellationToken);
        _loop = RunAsync(_stop.Token);
        var held = _locator.HeldPartitions().Count;
        LogJoined(_runtime.SiloId, Endpoint, held);
    }

    public Task<IReadOnlyList<SiloInfo>> ReadMembersAsync(CancellationToken cancellationToken) => _table.ReadMembersAsync(cancellationToken);

    /// <summary>First half of a graceful leave: stop taking partitions; other silos stop routing new work here.</summary>
    public async Task BeginLeaveAsync(CancellationToken cancellationToken)
    {
        _status = "leaving";
        await _table.SetStatusAsync(_runtime.SiloId, _status, cancellationToken);
    }

    /// <summary>Second half, after every activation has deactivated: give all leases up at once and stop.</summary>
    public async Task CompleteLeaveAsync(CancellationToken cancellationToken)
    {
        await StopLoopAsync();
        var held = _locator.HeldPartitions().ToArray();
        foreach (var partition in held)
        {
            _locator.Drop(partition);
        }

        await _table.ReleaseAsync(_runtime.SiloId, held, cancellationToken);
        await _table.SetStatusAsync(_runtime.SiloId, "dead", cancellationToken);
        _ownershipChanges.Add(held.Length);
        LogLeft(_runtime.SiloId, held.Length);
        await _server.DisposeAsync();
    }

    /// <summary>Test hook: die abruptly, as a killed process would: no hand-off, no lease release, connections dropped.</summary>
    internal async Task KillAsync()
    {
        await StopLoopAsync();
        await _runtime.Reminders.DisposeAsync();
        await _server.DisposeAsync();
        foreach (var partition in _locator.HeldPartitions())
        {
            _locator.Drop(partition);
        }
    }

    /// <summary>Test hook: freeze like a stopped process that still believes it owns its partitions.</summary>
    internal async Task PauseAsync()
    {
        _locator.Freeze(true);
        await StopLoopAsync();
    }

    /// <summary>Test hook: thaw a paused silo; it discovers what it lost on its next tick.</summary>
    internal void Resume()
    {
        _locator.Freeze(false);
        _stop = new CancellationTokenSource();
        _loop = RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _locator.RefreshRequested -= OnRefreshRequested;
        await StopLoopAsync();
        await _server.DisposeAsync();
    }

    private async Task StopLoopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnRefreshRequested()
    {
        var now = _runtime.TimeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastWake);
        if (_runtime.TimeProvider.GetElapsedTime(last, now) > TimeSpan.FromMilliseconds(100) && Interlocked.CompareExchange(ref _lastWake, now, last) == last && _wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke the loop first; one refresh serves both.
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(_options.RenewInterval, cancellationToken);
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tick.CancelAfter(_options.LeaseDuration);
            try
            {
                await TickAsync(tick.Token);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogTickFailed(exception, _runtime.SiloId);
                LoseExpired();
            }
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Silo {SiloId} joined the cluster at {Endpoint} holding {Partitions} partitions")]
    private partial void LogJoined(string siloId, Uri endpoint, int partitions);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Silo {SiloId} left the cluster, releasing {Partitions} partitions")]
    private partial void LogLeft(string siloId, int partitions);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Membership tick of silo {SiloId} failed; partitions whose lease ran out are no longer served")]
    private partial void LogTickFailed(Exception exception, string siloId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Silo {SiloId} could not finish handing off {Partitions} partitions; their leases will expire instead")]
    private partial void LogHandOffFailed(Exception exception, string siloId, int partitions);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Silo {SiloId} lost partition {Partition} (lease not renewed)")]
    private partial void LogLost(string siloId, int partition);
}
