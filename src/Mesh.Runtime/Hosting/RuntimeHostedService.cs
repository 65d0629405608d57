using Mesh.Runtime.Activation;
using Mesh.Runtime.Cluster;
using Mesh.Runtime.Persistence;
using Microsoft.Extensions.Hosting;

namespace Mesh.Runtime.Hosting;

/// <summary>Starts the silo runtime (schema, reminders, idle collection) and stops it gracefully (every activation deactivates).</summary>
internal sealed class RuntimeHostedService(GrainRuntime runtime, IRuntimeDatabase database, ClusterMembershipService? cluster = null) : IHostedService, ISiloStatus
{
    private ITimer? _collector;
    private volatile bool _ready;

    public string SiloId => runtime.SiloId;

    public bool IsReady => _ready;

    public int ActivationCount => runtime.Catalog.Count;

    public string StorageProvider => database.ProviderName;

    public async Task<IReadOnlyList<SiloInfo>> GetMembersAsync(CancellationToken cancellationToken)
    {
        if (cluster is not null)
        {
            return await cluster.ReadMembersAsync(cancellationToken);
        }

        return [new SiloInfo(SiloId, "local", 0, 0, _ready ? "active" : "joining", TimeSpan.Zero, runtime.Options.PartitionCount)];
    }

    internal ClusterMembershipService? Cluster => cluster;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (from, to) = await database.MigrateAsync(cancellationToken);
        if (from != to)
        {
            runtime.Log.SchemaMigrated(database.ProviderName, from, to);
        }

        if (cluster is null)
        {
            await runtime.Reminders.StartAsync(null, cancellationToken);
        }
        else
        {
            await cluster.StartAsync(cancellationToken);
        }

        var quantum = runtime.Options.CollectionQuantum;
        _collector = runtime.TimeProvider.CreateTimer(
            static s => { var rt = (GrainRuntime)s!; rt.Catalog.CollectIdle(rt.Options.CollectionAge); },
            runtime,
            quantum,
            quantum);
        _ready = true;
        runtime.Log.Started(database.ProviderName, runtime.Registry.GrainTypeCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _ready = false;
        _collector?.Dispose();
        runtime.Log.Stopping(runtime.Catalog.Count);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(runtime.Options.ShutdownTimeout);
        if (cluster is not null)
        {
            await cluster.BeginLeaveAsync(deadline.Token);
        }

        try
        {
            await runtime.Catalog.StopAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            runtime.Log.StopTimedOut(runtime.Catalog.Count);
        }

        await runtime.Reminders.DisposeAsync();
        if (cluster is not null)
        {
            await cluster.CompleteLeaveAsync(cancellationToken);
        }
    }
}
