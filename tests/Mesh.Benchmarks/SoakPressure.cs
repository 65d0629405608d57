using System.Collections.Concurrent;
using Mesh.TestGrains;
using Mesh.Testing;

namespace Mesh.Benchmarks;

/// <summary>
/// The soak's pressure on the silos: one <see cref="IPressureGrain"/> per silo, activated through that silo's own
/// gateway (so it lives there) and called back to back, each call ending in a forced blocking full collection; plus
/// one thread per core spinning in this process.
/// </summary>
internal sealed class SoakPressure : IAsyncDisposable
{
    private readonly List<BenchClient> _clients;
    private readonly Task[] _drivers;
    private readonly Thread[] _burners;
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<int, (int Calls, TimeSpan MaxPause, TimeSpan TotalPause)> _bySilo = new();
    private volatile bool _stopping;

    private SoakPressure(List<BenchClient> clients, List<(int Port, IPressureGrain Grain)> grains, int retainedMegabytes, int garbageMegabytes)
    {
        _clients = clients;
        _drivers = [.. grains.Select(g => Task.Run(() => DriveAsync(g.Port, g.Grain, retainedMegabytes, garbageMegabytes)))];
        _burners = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(i => new Thread(Spin) { IsBackground = true, Name = $"cpu-burner-{i}" })];
        foreach (var burner in _burners)
        {
            burner.Start();
        }
    }

    public IReadOnlyCollection<string> Failures => _failures;

    public IReadOnlyDictionary<int, (int Calls, TimeSpan MaxPause, TimeSpan TotalPause)> BySilo => _bySilo;

    public static async Task<SoakPressure> StartAsync(IReadOnlyList<SiloProcess> silos, int retainedMegabytes, int garbageMegabytes, CancellationToken cancellationToken)
    {
        var clients = new List<BenchClient>();
        var grains = new List<(int, IPressureGrain)>();
        foreach (var silo in silos)
        {
            var client = await BenchClient.ConnectAsync([silo.GatewayPort], TimeSpan.FromSeconds(30), cancellationToken);
            clients.Add(client);
            var grain = client.Client.GetGrain<IPressureGrain>($"pressure-{silo.SiloPort}");
            if (!SiloCluster.IsAddressOf(silo, await grain.Silo()))
            {
                throw new InvalidOperationException($"The pressure grain of silo :{silo.SiloPort} was placed elsewhere.");
            }

            grains.Add((silo.SiloPort, grain));
        }

        return new SoakPressure(clients, grains, retainedMegabytes, garbageMegabytes);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        foreach (var burner in _burners)
        {
            burner.Join();
        }

        await Task.WhenAll(_drivers);
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private void Spin()
    {
        while (!_stopping)
        {
            Thread.SpinWait(10_000);
        }
    }

    private async Task DriveAsync(int port, IPressureGrain grain, int retainedMegabytes, int garbageMegabytes)
    {
        while (!_stopping)
        {
            try
            {
                var paused = await grain.Churn(retainedMegabytes, garbageMegabytes, fullBlockingCollection: true);
                _bySilo.AddOrUpdate(port, (1, paused, paused), (_, s) => (s.Calls + 1, paused > s.MaxPause ? paused : s.MaxPause, s.TotalPause + paused));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A failed call fails the soak; this silo is left alone from here on.
                _failures.Enqueue($":{port} {exception.GetType().Name}: {exception.Message.Split('\n')[0]}");
                return;
            }
        }
    }
}
