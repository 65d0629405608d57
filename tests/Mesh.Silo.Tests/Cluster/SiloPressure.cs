using System.Collections.Concurrent;
using Mesh.TestGrains;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Keeps every silo of a cluster busy collecting garbage: one <see cref="IPressureGrain"/> per silo (activated through
/// that silo's own gateway, so it lives there), called back to back until stopped. Every call must succeed.
/// </summary>
internal sealed class SiloPressure : IAsyncDisposable
{
    private readonly List<OrleansTestClient> _clients;
    private readonly Task[] _drivers;
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly ConcurrentDictionary<int, (int Calls, TimeSpan MaxPause, TimeSpan TotalPause)> _bySilo = new();
    private volatile bool _stopping;

    private SiloPressure(List<OrleansTestClient> clients, IReadOnlyList<(int Port, IPressureGrain Grain)> grains, int retainedMegabytes, int garbageMegabytes)
    {
        _clients = clients;
        _drivers = [.. grains.Select(g => Task.Run(() => DriveAsync(g.Port, g.Grain, retainedMegabytes, garbageMegabytes)))];
    }

    /// <summary>Gets the failed calls.</summary>
    public IReadOnlyCollection<Exception> Failures => _failures;

    /// <summary>Gets, per silo port, the calls made and the most and the total collection pause time they reported (pause time within a call, all collections in it).</summary>
    public IReadOnlyDictionary<int, (int Calls, TimeSpan MaxPause, TimeSpan TotalPause)> BySilo => _bySilo;

    /// <summary>Places one pressure grain on each silo and starts calling them.</summary>
    /// <param name="silos">The silos.</param>
    /// <param name="retainedMegabytes">The heap each grain retains, about.</param>
    /// <param name="garbageMegabytes">The garbage each call allocates, about; every call ends with a forced full collection.</param>
    /// <returns>The running pressure.</returns>
    public static async Task<SiloPressure> StartAsync(IReadOnlyList<SiloProcess> silos, int retainedMegabytes, int garbageMegabytes)
    {
        var clients = new List<OrleansTestClient>();
        var grains = new List<(int, IPressureGrain)>();
        foreach (var silo in silos)
        {
            var client = await OrleansTestClient.ConnectLocalhostAsync(silo.GatewayPort);
            clients.Add(client);
            var grain = client.Client.GetGrain<IPressureGrain>($"pressure-{silo.SiloPort}");
            var address = await grain.Silo();
            Assert.Equal(silo.SiloPort, SiloCluster.SiloPortOf(address));
            grains.Add((silo.SiloPort, grain));
        }

        return new SiloPressure(clients, grains, retainedMegabytes, garbageMegabytes);
    }

    /// <summary>Stops calling (each driver finishes its call in flight).</summary>
    /// <returns>A task.</returns>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_drivers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private async Task DriveAsync(int port, IPressureGrain grain, int retainedMegabytes, int garbageMegabytes)
    {
        while (!_stopping)
        {
            try
            {
                var paused = await grain.Churn(retainedMegabytes, garbageMegabytes, fullBlockingCollection: true);
                _bySilo.AddOrUpdate(
                    port,
                    (1, paused, paused),
                    (_, s) => (s.Calls + 1, paused > s.MaxPause ? paused : s.MaxPause, s.TotalPause + paused));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A failed call fails the soak; this silo is left alone from here on.
                _failures.Enqueue(exception);
                return;
            }
        }
    }
}
