using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Runtime.Hosting;

/// <summary>Configures the grain runtime of a silo.</summary>
public sealed class MeshRuntimeBuilder
{
    internal MeshRuntimeBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    internal List<Assembly> GrainAssemblies { get; } = [typeof(MeshRuntimeBuilder).Assembly];

    internal StorageOptions Storage { get; } = new();

    internal string? SiloId { get; private set; }

    internal Cluster.ClusterOptions? Cluster { get; private set; }

    /// <summary>Registers the grains and grain interfaces (generated code) of an assembly.</summary>
    public MeshRuntimeBuilder AddGrainAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!GrainAssemblies.Contains(assembly))
        {
            GrainAssemblies.Add(assembly);
        }

        return this;
    }

    /// <summary>Keeps state and reminders in an embedded SQLite file (single silo).</summary>
    public MeshRuntimeBuilder UseSqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Storage.Provider = StorageProvider.Sqlite;
        Storage.ConnectionString = connectionString;
        return this;
    }

    /// <summary>Keeps state and reminders in PostgreSQL.</summary>
    public MeshRuntimeBuilder UsePostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Storage.Provider = StorageProvider.PostgreSql;
        Storage.ConnectionString = connectionString;
        return this;
    }

    /// <summary>Makes this silo a member of a cluster whose membership and partition leases live in the PostgreSQL storage database.</summary>
    public MeshRuntimeBuilder UsePostgresClustering(Action<Cluster.ClusterOptions>? configure = null)
    {
        Cluster = new Cluster.ClusterOptions { Enabled = true };
        configure?.Invoke(Cluster);
        return this;
    }

    /// <summary>Sets this silo's id (the default is host name, process id and a random suffix).</summary>
    public MeshRuntimeBuilder WithSiloId(string siloId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);
        SiloId = siloId;
        return this;
    }

    /// <summary>Changes runtime settings.</summary>
    public MeshRuntimeBuilder Configure(Action<RuntimeOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
