using Mesh.Runtime;
using Mesh.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Testing;

/// <summary>One real silo in the test process: the grain runtime on SQLite or PostgreSQL, started and stopped like a host.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public ISiloStatus Status => _host.Services.GetRequiredService<ISiloStatus>();

    public string SiloId => Status.SiloId;

    internal Mesh.Runtime.Cluster.ClusterMembershipService Membership =>
        _host.Services.GetService<Mesh.Runtime.Cluster.ClusterMembershipService>() ?? throw new InvalidOperationException("This silo is not clustered.");

    internal Mesh.Runtime.Cluster.ClusterGrainLocator Locator => _host.Services.GetRequiredService<Mesh.Runtime.Cluster.ClusterGrainLocator>();

    /// <summary>Returns true while this silo holds the lease on the grain's partition.</summary>
    public bool Owns(GrainId grainId) => Locator.IsLocal(PartitionOf(grainId));

    public bool OwnsPartition(int partition) => Locator.IsLocal(partition);

    public int PartitionOf(GrainId grainId) => (int)(grainId.StableHash() % (ulong)Locator.PartitionCount);

    /// <summary>Kills the silo abruptly: no hand-off, no lease release, its silo port closed. Its leases expire on their own.</summary>
    public async Task KillAsync()
    {
        _stopped = true;
        await Membership.KillAsync();
    }

    public static async Task<TestSilo> StartAsync(Action<MeshRuntimeBuilder> configure, TimeProvider? timeProvider = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddMeshRuntime(configure);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <summary>Stops gracefully: every activation deactivates (OnDeactivateAsync runs) before this returns.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or Npgsql.NpgsqlException or SiloUnavailableException)
        {
            // The storage went away under a test; the host is disposed regardless.
        }

        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
