using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Concurrent drivers that increment counter grains through an Orleans client. Each increment has its own operation
/// id and is retried with that id until the grain acknowledges it (the grain applies an id once), so at the end every
/// increment is acknowledged and each grain must hold exactly the sum of its acknowledged increments.
/// </summary>
internal sealed class IncrementLoad : IAsyncDisposable
{
    private readonly IClusterClient _client;
    private readonly CounterGrains _grains;
    private readonly IReadOnlyList<string> _keys;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _giveUpAfter;
    private readonly ConcurrentBag<(string Key, Guid Operation, long Amount, TimeSpan At, int Attempts)> _acknowledged = [];
    private readonly Task[] _drivers;
    private volatile bool _stopping;
    private volatile bool _abandoned;
    private long _acknowledgedCount;

    private IncrementLoad(IClusterClient client, IReadOnlyList<string> keys, int drivers, TimeSpan attemptTimeout, TimeSpan giveUpAfter, CallFailures failures, CounterGrains grains)
    {
        _client = client;
        _grains = grains;
        _keys = keys;
        _attemptTimeout = attemptTimeout;
        _giveUpAfter = giveUpAfter;
        Failures = failures;
        _drivers = [.. Enumerable.Range(0, drivers).Select(seed => Task.Run(() => DriveAsync(seed)))];
    }

    /// <summary>Gets what callers saw while an increment was not yet acknowledged.</summary>
    public CallFailures Failures { get; }

    /// <summary>Gets the number of increments acknowledged so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledgedCount);

    /// <summary>Starts the drivers.</summary>
    /// <param name="client">The client to call through.</param>
    /// <param name="keys">The counter grains to increment (at random).</param>
    /// <param name="drivers">How many increments are in flight at once.</param>
    /// <param name="attemptTimeout">How long one attempt may take before it is abandoned and retried with the same id.</param>
    /// <param name="giveUpAfter">How long one increment may stay unacknowledged before its driver fails.</param>
    /// <param name="failures">Records what failed attempts saw.</param>
    /// <param name="grains">Which counter grain; <see cref="CounterGrains.Counter"/> unless given.</param>
    /// <returns>The running load.</returns>
    public static IncrementLoad Start(
        IClusterClient client, IReadOnlyList<string> keys, int drivers, TimeSpan attemptTimeout, TimeSpan giveUpAfter, CallFailures failures, CounterGrains? grains = null) =>
        new(client, keys, drivers, attemptTimeout, giveUpAfter, failures, grains ?? CounterGrains.Counter);

    /// <summary>Stops issuing new increments, lets each driver finish (acknowledge) the one it has in flight.</summary>
    /// <returns>A task that fails if an increment stayed unacknowledged longer than allowed.</returns>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_drivers);
    }

    /// <summary>Abandons the load (a test that failed midway): drivers stop retrying and return within one attempt.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _abandoned = true;
        await Task.WhenAll(_drivers.Select(d => d.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    /// <summary>Waits until <paramref name="more"/> increments beyond those acknowledged now are acknowledged.</summary>
    /// <param name="more">How many more.</param>
    /// <param name="because">What the wait shows.</param>
    /// <param name="timeout">The deadline.</param>
    /// <returns>A task.</returns>
    public Task WaitForMoreAsync(long more, string because, TimeSpan timeout)
    {
        var target = Acknowledged + more;
        return Mesh.Testing.Eventually.TrueAsync(
            () =>
            {
                var faulted = _drivers.FirstOrDefault(d => d.IsFaulted);
                return faulted is not null ? throw faulted.Exception! : Acknowledged >= target;
            },
            because,
            timeout);
    }

    /// <summary>How many increments were acknowledged between two instants of the test's clock.</summary>
    /// <param name="from">The start.</param>
    /// <param name="to">The end.</param>
    /// <returns>The count.</returns>
    public int AcknowledgedBetween(TimeSpan from, TimeSpan to) => _acknowledged.Count(a => a.At >= from && a.At <= to);

    /// <summary>How many of those were acknowledged on a retry (an earlier attempt of the same operation had failed).</summary>
    /// <param name="from">The start.</param>
    /// <param name="to">The end.</param>
    /// <returns>The count.</returns>
    public int RetriedAcknowledgedBetween(TimeSpan from, TimeSpan to) => _acknowledged.Count(a => a.At >= from && a.At <= to && a.Attempts > 1);

    /// <summary>The sum and count of acknowledged increments per grain (grains never incremented are absent).</summary>
    /// <returns>By key.</returns>
    public IReadOnlyDictionary<string, (long Sum, int Count)> Expected()
    {
        var operations = _acknowledged.ToList();
        Assert.Equal(operations.Count, operations.Select(o => o.Operation).Distinct().Count());
        return operations.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => (g.Sum(o => o.Amount), g.Count()));
    }

    private async Task DriveAsync(int seed)
    {
        var random = new Random(seed);
        while (!_stopping)
        {
            var key = _keys[random.Next(_keys.Count)];
            await AddUntilAcknowledgedAsync(key, Guid.NewGuid(), random.Next(1, 10));
        }
    }

    private async Task AddUntilAcknowledgedAsync(string key, Guid operation, long amount)
    {
        var unacknowledged = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _grains.Add(_client, key, operation, amount).WaitAsync(_attemptTimeout);
                _acknowledged.Add((key, operation, amount, Failures.Clock.Elapsed, attempt));
                Interlocked.Increment(ref _acknowledgedCount);
                return;
            }
            catch (Exception exception) when (unacknowledged.Elapsed < _giveUpAfter && !_abandoned)
            {
                // Safe to repeat: the grain applies an operation id once. Not acknowledged yet, so not counted.
                Failures.Record(exception);
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }
    }
}
