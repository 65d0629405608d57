using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>
/// Two silo processes A and B, relay grains activated on A (through A's gateway) and target grains activated on B
/// (through B's gateway); both are <c>[PreferLocalPlacement]</c>, and every relay confirms that its target answers from B.
/// </summary>
internal sealed class CrossSiloPair : IAsyncDisposable
{
    private readonly SiloCluster _cluster;
    private readonly BenchClient _clientA;
    private readonly BenchClient _clientB;

    private CrossSiloPair(SiloCluster cluster, BenchClient clientA, BenchClient clientB, IBenchRelayGrain[] relays, string[] remoteTargets, string localTarget)
    {
        _cluster = cluster;
        _clientA = clientA;
        _clientB = clientB;
        Relays = relays;
        RemoteTargets = remoteTargets;
        LocalTarget = localTarget;
    }

    /// <summary>Gets the silo processes A and B.</summary>
    public IReadOnlyList<Mesh.Testing.SiloProcess> Silos => _cluster.Silos;

    /// <summary>Gets relay grains on A.</summary>
    public IBenchRelayGrain[] Relays { get; }

    /// <summary>Gets the keys of ping grains on B, one per relay.</summary>
    public string[] RemoteTargets { get; }

    /// <summary>Gets the key of a ping grain on A.</summary>
    public string LocalTarget { get; }

    public static async Task<CrossSiloPair> StartAsync(string prefix, int relays, CancellationToken cancellationToken)
    {
        var cluster = await SiloCluster.StartAsync(2, cancellationToken);
        BenchClient? clientA = null;
        BenchClient? clientB = null;
        try
        {
            clientA = await BenchClient.ConnectAsync(cluster.Silos[0].GatewayPort, cancellationToken);
            clientB = await BenchClient.ConnectAsync(cluster.Silos[1].GatewayPort, cancellationToken);
            var remoteTargets = Enumerable.Range(0, relays).Select(i => $"{prefix}-target-{i}").ToArray();
            var localTarget = $"{prefix}-local-target";
            var relayGrains = Enumerable.Range(0, relays).Select(i => clientA.Client.GetGrain<IBenchRelayGrain>($"{prefix}-relay-{i}")).ToArray();
            var pair = new CrossSiloPair(cluster, clientA, clientB, relayGrains, remoteTargets, localTarget);

            // Activate first, through the gateway of the silo each grain must live on.
            await Task.WhenAll(remoteTargets.Select(k => clientB.Client.GetGrain<IBenchPingGrain>(k).Ping(0)));
            await clientA.Client.GetGrain<IBenchPingGrain>(localTarget).Ping(0);
            await Task.WhenAll(relayGrains.Select(r => r.Run(localTarget, 1)));
            await pair.VerifyPlacementAsync();
            return pair;
        }
        catch
        {
            if (clientA is not null)
            {
                await clientA.DisposeAsync();
            }

            if (clientB is not null)
            {
                await clientB.DisposeAsync();
            }

            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws unless every relay is on A, every remote target on B and the local target on A.</summary>
    public async Task VerifyPlacementAsync()
    {
        var (a, b) = (_cluster.Silos[0], _cluster.Silos[1]);
        var relaySilos = await Task.WhenAll(Relays.Select(r => r.Silo()));
        var targetSilos = await Task.WhenAll(Relays.Select((r, i) => r.TargetSilo(RemoteTargets[i])));
        var localSilo = await Relays[0].TargetSilo(LocalTarget);
        if (!relaySilos.All(s => SiloCluster.IsAddressOf(a, s)) || !targetSilos.All(s => SiloCluster.IsAddressOf(b, s)) || !SiloCluster.IsAddressOf(a, localSilo))
        {
            throw new InvalidOperationException(
                $"Placement is not as the benchmark needs: A={a.SiloPort}, B={b.SiloPort}; relays on {string.Join(", ", relaySilos.Distinct())}; " +
                $"remote targets on {string.Join(", ", targetSilos.Distinct())}; local target on {localSilo}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _clientA.DisposeAsync();
        await _clientB.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
