using Mesh.Runtime.Activation;
using Mesh.Runtime.Cluster;
using Mesh.Runtime.Transport;
using Mesh.Runtime.Diagnostics;
using Mesh.Runtime.Hosting;
using Mesh.Runtime.Persistence;
using Mesh.Runtime.PostgreSql;
using Mesh.Runtime.Reminders;
using Mesh.Runtime.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Runtime;

/// <summary>Adds the Mesh grain runtime to a host.</summary>
public static class MeshRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the grain runtime (one silo) and its hosted service; <paramref name="configure"/> picks storage and grain assemblies.</summary>
    public static IServiceCollection AddMeshRuntime(this IServiceCollection services, Action<MeshRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new MeshRuntimeBuilder(services);
        configure(builder);
        if (builder.Storage.ConnectionString is null)
        {
            throw new InvalidOperationException("No grain storage configured: call UseSqlite or UsePostgreSql.");
        }

        var siloId = builder.SiloId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        services.AddOptions<RuntimeOptions>().Validate(o => o.Validate().Count == 0, "invalid").ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<RuntimeOptions>, RuntimeOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RuntimeOptions>>().Value);
        services.AddSingleton(_ =>
        {
            var registry = new GrainTypeRegistry();
            foreach (var assembly in builder.GrainAssemblies)
            {
                registry.AddAssembly(assembly);
            }

            return registry;
        });
        var storage = builder.Storage;
        services.AddSingleton<IRuntimeDatabase>(_ => storage.Provider == StorageProvider.PostgreSql
            ? new PostgresDatabase(storage.ConnectionString!)
            : new SqliteDatabase(storage.ConnectionString!));
        services.AddSingleton<RuntimeLog>();
        if (builder.Cluster is { } cluster)
        {
            if (storage.Provider != StorageProvider.PostgreSql)
            {
                throw new InvalidOperationException("A cluster keeps membership and leases in PostgreSQL: set Mesh:Storage:Provider=PostgreSql (UsePostgreSql) to enable Mesh:Cluster.");
            }

            var problems = cluster.Validate();
            if (problems.Count > 0)
            {
                throw new OptionsValidationException(nameof(ClusterOptions), typeof(ClusterOptions), problems);
            }

            services.AddSingleton(cluster);
            services.AddSingleton(sp => new ClusterGrainLocator(sp.GetRequiredService<RuntimeOptions>(), sp.GetRequiredService<TimeProvider>(), siloId));
            services.AddSingleton<IGrainLocator>(sp => sp.GetRequiredService<ClusterGrainLocator>());
            services.AddSingleton(sp => new PostgresClusterTable(((PostgresDatabase)sp.GetRequiredService<IRuntimeDatabase>()).DataSource));
            services.AddSingleton(_ => new SiloTransportClient(cluster));
            services.AddSingleton(sp => new SiloTransportServer(sp.GetRequiredService<GrainRuntime>(), cluster));
            services.AddSingleton<ClusterMembershipService>();
        }
        else
        {
            services.TryAddSingleton<IGrainLocator, LocalGrainLocator>();
        }

        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<IRuntimeDatabase>();
            var runtime = new GrainRuntime(
                siloId,
                sp.GetRequiredService<GrainTypeRegistry>(),
                sp.GetRequiredService<RuntimeOptions>(),
                sp.GetRequiredService<TimeProvider>(),
                sp,
                new GrainStorageCollection(new Dictionary<string, IGrainStorage> { [GrainStorageCollection.DefaultName] = database.GrainStorage }),
                sp.GetRequiredService<IGrainLocator>(),
                sp.GetRequiredService<RuntimeLog>(),
                rt => new RuntimeInstrumentation(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), () => rt.Catalog, siloId));
            runtime.Reminders = new ReminderService(database.Reminders, runtime, runtime.Options, sp.GetRequiredService<ILogger<ReminderService>>());
            if (builder.Cluster is { } clusterOptions)
            {
                runtime.Remote = new RemoteCallInvoker(runtime, sp.GetRequiredService<SiloTransportClient>(), clusterOptions);
            }

            return runtime;
        });
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton(sp => new RuntimeHostedService(sp.GetRequiredService<GrainRuntime>(), sp.GetRequiredService<IRuntimeDatabase>(), sp.GetService<ClusterMembershipService>()));
        services.AddSingleton<ISiloStatus>(sp => sp.GetRequiredService<RuntimeHostedService>());
        services.AddHostedService(sp => sp.GetRequiredService<RuntimeHostedService>());
        return services;
    }
}
