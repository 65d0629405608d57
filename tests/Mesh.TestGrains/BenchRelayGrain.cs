using System.Diagnostics;
using Orleans.Placement;
using Orleans.Runtime;

namespace Mesh.TestGrains;

/// <summary>Placed on the silo whose gateway (or grain) first calls it; see <see cref="IBenchRelayGrain"/>.</summary>
[PreferLocalPlacement]
public sealed class BenchRelayGrain(ILocalSiloDetails silo) : Grain, IBenchRelayGrain
{
    private Task<long>? _load;
    private bool _stopLoad;

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public Task<string> TargetSilo(string targetKey) => Target(targetKey).Silo();

    public async Task<long> Run(string targetKey, int calls, CancellationToken cancellationToken = default)
    {
        var target = Target(targetKey);
        long sum = 0;
        for (var i = 0; i < calls; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sum += await target.Ping(i);
        }

        return sum;
    }

    public async Task<double[]> Measure(string targetKey, int calls, CancellationToken cancellationToken = default)
    {
        var target = Target(targetKey);
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            await target.Ping(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return samples;
    }

    public Task StartLoad(string targetKey)
    {
        if (_load is not null)
        {
            throw new InvalidOperationException("A load loop is already running; stop it first.");
        }

        _stopLoad = false;

        // Runs on this activation's scheduler between requests (it is not a request itself), so StopLoad can run.
        _load = LoadLoopAsync(Target(targetKey));
        return Task.CompletedTask;
    }

    public async Task<long> StopLoad()
    {
        if (_load is null)
        {
            return 0;
        }

        _stopLoad = true;
        var calls = await _load;
        _load = null;
        return calls;
    }

    private async Task<long> LoadLoopAsync(IBenchPingGrain target)
    {
        long calls = 0;
        while (!_stopLoad)
        {
            await target.Ping(1);
            calls++;
        }

        return calls;
    }

    private IBenchPingGrain Target(string key) => GrainFactory.GetGrain<IBenchPingGrain>(key);
}
