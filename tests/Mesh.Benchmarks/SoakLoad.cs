using System.Collections.Concurrent;
using System.Diagnostics;
using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// The soak's client load: callers that add to durable counters, each addition with its own operation id, retried
/// with that id until acknowledged (the grain applies an id once); an addition left unacknowledged for too long stops
/// its caller and fails the soak.
/// </summary>
internal sealed class SoakLoad
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly IClusterClient _client;
    private readonly string[] _keys;
    private readonly ConcurrentDictionary<string, long> _expected = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly Task[] _callers;
    private volatile bool _stopping;
    private long _acknowledged;
    private long _slowestTicks;

    public SoakLoad(IClusterClient client, int callers, int grains)
    {
        _client = client;
        _keys = [.. Enumerable.Range(0, grains).Select(i => $"soak-{i}")];
        _callers = [.. Enumerable.Range(0, callers).Select(seed => Task.Run(() => CallAsync(seed)))];
    }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Gets the longest time an addition took from its first attempt to its acknowledgement.</summary>
    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    /// <summary>Gets the failed attempts (each retried), by exception type.</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <summary>Gets the first caller that gave up, if one did.</summary>
    public Exception? GaveUp => _callers.FirstOrDefault(c => c.IsFaulted)?.Exception?.InnerException;

    /// <summary>Stops the callers (each finishes its addition in flight) and returns the grains whose value differs from the acknowledged sum.</summary>
    public async Task<IReadOnlyList<string>> StopAndCheckAsync()
    {
        _stopping = true;
        await Task.WhenAll(_callers.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
        var wrong = new List<string>();
        foreach (var key in _keys)
        {
            var value = (await _client.GetGrain<ICounterGrain>(key).Get()).Value;
            if (value != _expected.GetValueOrDefault(key))
            {
                wrong.Add($"{key}: {value} instead of {_expected.GetValueOrDefault(key)}");
            }
        }

        return wrong;
    }

    private async Task CallAsync(int seed)
    {
        var random = new Random(seed);
        while (!_stopping)
        {
            var key = _keys[random.Next(_keys.Length)];
            var operation = Guid.NewGuid();
            var amount = random.Next(1, 10);
            var started = Stopwatch.GetTimestamp();
            while (true)
            {
                try
                {
                    await _client.GetGrain<ICounterGrain>(key).Add(operation, amount).WaitAsync(AttemptTimeout);
                    break;
                }
                catch (Exception exception) when (Stopwatch.GetElapsedTime(started) < GiveUpAfter)
                {
                    _failures.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
                    await Task.Delay(TimeSpan.FromMilliseconds(20));
                }
            }

            _expected.AddOrUpdate(key, amount, (_, sum) => sum + amount);
            Interlocked.Increment(ref _acknowledged);
            var ticks = Stopwatch.GetElapsedTime(started).Ticks;
            long slowest;
            while (ticks > (slowest = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, ticks, slowest) != slowest)
            {
            }
        }
    }
}
