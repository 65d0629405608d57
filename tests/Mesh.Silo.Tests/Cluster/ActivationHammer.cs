using System.Collections.Concurrent;
using Mesh.TestGrains;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Concurrent drivers that call activation probes, directly through the client's gateways and through relays on
/// every silo, and keep every answer with when it was sent and received.
/// </summary>
internal sealed class ActivationHammer : IAsyncDisposable
{
    private readonly IClusterClient _client;
    private readonly IReadOnlyList<string> _keys;
    private readonly int _relays;
    private readonly CallFailures _failures;
    private readonly Task[] _drivers;
    private volatile bool _stopping;

    private ActivationHammer(IClusterClient client, IReadOnlyList<string> keys, int drivers, int relays, CallFailures failures)
    {
        _client = client;
        _keys = keys;
        _relays = relays;
        _failures = failures;
        _drivers = [.. Enumerable.Range(0, drivers).Select(seed => Task.Run(() => DriveAsync(seed)))];
    }

    public ConcurrentQueue<ActivationAnswer> Answers { get; } = new();

    /// <summary>Starts the drivers.</summary>
    /// <param name="client">The client.</param>
    /// <param name="keys">The probe keys, called at random.</param>
    /// <param name="drivers">Calls in flight at once.</param>
    /// <param name="relays">Relay keys: a call goes through one of them at random, or (one in relays + 1) directly.</param>
    /// <param name="failures">Records what failed calls saw.</param>
    /// <returns>The running hammer.</returns>
    public static ActivationHammer Start(IClusterClient client, IReadOnlyList<string> keys, int drivers, int relays, CallFailures failures) =>
        new(client, keys, drivers, relays, failures);

    /// <summary>Stops the drivers (also when a test failed midway).</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync() => new(StopAsync());

    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_drivers);
    }

    /// <summary>Waits until <paramref name="more"/> answers beyond those received now have arrived.</summary>
    /// <returns>A task.</returns>
    public Task WaitForMoreAsync(int more, string because, TimeSpan timeout)
    {
        var target = Answers.Count + more;
        return Mesh.Testing.Eventually.TrueAsync(() => Answers.Count >= target, because, timeout);
    }

    private async Task DriveAsync(int seed)
    {
        var random = new Random(seed);
        while (!_stopping)
        {
            var key = _keys[random.Next(_keys.Count)];
            var route = random.Next(_relays + 1);
            var sent = _failures.Clock.Elapsed;
            try
            {
                var call = route == _relays
                    ? _client.GetGrain<IActivationProbeGrain>(key).Where()
                    : _client.GetGrain<IActivationRelayGrain>(route).Where(key);
                var reply = await call.WaitAsync(TimeSpan.FromSeconds(2));
                Answers.Enqueue(new ActivationAnswer(key, reply.ActivationId, reply.Silo, sent, _failures.Clock.Elapsed, reply.ActivatedAt, reply.AnsweredAt));
            }
            catch (Exception exception)
            {
                // A probe is a read: a failed one is recorded, not retried; the next call picks a key anew.
                _failures.Record(exception);
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }
    }
}
