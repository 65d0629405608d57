using Mesh.Runtime;
using Mesh.Runtime.Cluster;
using Mesh.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Testing;

/// <summary>
/// N real silos in the test process against one PostgreSQL database, each with its own HTTP/2 silo port on loopback.
/// <see cref="KillSiloAsync"/> is abrupt (no hand-off), <see cref="StopSiloAsync"/> graceful, <see cref="AddSiloAsync"/> joins one more.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<TestSilo> _silos = [];
    private readonly List<TestSilo> _retired = [];
    private readonly Func<Task<TestSilo>> _start;

    private TestCluster(Func<Task<TestSilo>> start) => _start = start;

    /// <summary>Gets the silos that are up (not killed or stopped).</summary>
    public IReadOnlyList<TestSilo> Silos
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos];
            }
        }
    }

    public static async Task<TestCluster> StartAsync(
        int silos,
        string connectionString,
        Action<MeshRuntimeBuilder>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<ClusterOptions>? cluster = null)
    {
        var testCluster = new TestCluster(() => TestSilo.StartAsync(
            b =>
            {
                b.UsePostgreSql(connectionString).UsePostgresClustering(o =>
                {
                    o.SiloPort = 0;
                    cluster?.Invoke(o);
                });
                configure?.Invoke(b);
            },
            services: services));
        for (var i = 0; i < silos; i++)
        {
            await testCluster.AddSiloAsync();
        }

        await testCluster.WaitForStableOwnershipAsync();
        return testCluster;
    }

    public async Task<TestSilo> AddSiloAsync()
    {
        var silo = await _start();
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    public async Task KillSiloAsync(TestSilo silo)
    {
        Retire(silo);
        await silo.KillAsync();
    }

    public async Task StopSiloAsync(TestSilo silo)
    {
        Retire(silo);
        await silo.StopAsync();
    }

    /// <summary>Freezes a silo like a paused process: it stops renewing but still believes it owns its partitions.</summary>
    public Task PauseSiloAsync(TestSilo silo) => silo.Membership.PauseAsync();

    public void ResumeSilo(TestSilo silo) => silo.Membership.Resume();

    /// <summary>Waits until every partition is held by exactly one up silo (the one rendezvous hashing assigns) and every up silo routes by that view.</summary>
    public Task WaitForStableOwnershipAsync(TimeSpan? timeout = null) =>
        Eventually.TrueAsync(
            () =>
            {
                var silos = Silos;
                var ids = silos.Select(s => s.SiloId).ToList();
                var partitions = silos[0].Locator.PartitionCount;
                for (var p = 0; p < partitions; p++)
                {
                    var owners = silos.Where(s => s.Locator.IsLocal(p)).ToList();
                    if (owners.Count != 1 || owners[0].SiloId != Rendezvous.Owner(p, ids))
                    {
                        return false;
                    }

                    foreach (var silo in silos.Where(s => !s.Locator.IsLocal(p)))
                    {
                        if (silo.Locator.GetOwnerEndpoint(p) is null)
                        {
                            return false;
                        }
                    }
                }

                return true;
            },
            "every partition has exactly one owner among the up silos, the one the assignment picks",
            timeout ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        foreach (var silo in _retired)
        {
            await silo.DisposeAsync();
        }
    }

    private void Retire(TestSilo silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
            _retired.Add(silo);
        }
    }
}
