using Mesh.Chains.Configuration;
using Mesh.Runtime;
using Mesh.Runtime.Cluster;
using Mesh.Runtime.Hosting;

namespace Mesh.Silo.Hosting;

/// <summary>Wires a silo into an ASP.NET Core host: settings, chains, the grain runtime, telemetry.</summary>
public static class MeshSiloExtensions
{
    /// <summary>Adds a Mesh silo. Reads and validates every setting and <c>chains.json</c> now, so a bad one stops start-up.</summary>
    /// <exception cref="SiloConfigurationException">A setting is malformed.</exception>
    /// <exception cref="ChainsConfigurationException">The chains file is missing or invalid.</exception>
    public static WebApplicationBuilder AddMeshSilo(this WebApplicationBuilder builder, Action<MeshRuntimeBuilder>? configureRuntime = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var silo = Bind<SiloOptions>(configuration, "Mesh");
        var storage = Bind<StorageOptions>(configuration, "Mesh:Storage");
        var runtime = Bind<RuntimeOptions>(configuration, "Mesh:Runtime");
        var cluster = Bind<ClusterOptions>(configuration, "Mesh:Cluster");
        var problems = runtime.Validate().Concat(cluster.Enabled ? cluster.Validate() : []).ToList();
        if (cluster.Enabled && storage.Provider != StorageProvider.PostgreSql)
        {
            problems.Add("Mesh:Cluster:Enabled=true requires Mesh:Storage:Provider=PostgreSql (membership and leases live in PostgreSQL).");
        }

        if (problems.Count > 0)
        {
            throw new SiloConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var chains = ChainsConfigurationLoader.Load(Path.GetFullPath(silo.ChainsFile));
        builder.Services.AddSingleton(chains);
        builder.Services.AddSingleton(silo);
        builder.Services.Configure<RuntimeOptions>(configuration.GetSection("Mesh:Runtime"));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = runtime.ShutdownTimeout + TimeSpan.FromSeconds(5));
        var siloId = string.IsNullOrWhiteSpace(silo.SiloId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
            : silo.SiloId;
        builder.Services.AddMeshRuntime(rt =>
        {
            rt.WithSiloId(siloId);
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                rt.UsePostgreSql(storage.ConnectionString ?? throw new SiloConfigurationException("Mesh:Storage:ConnectionString is required when Mesh:Storage:Provider is PostgreSql."));
            }
            else
            {
                rt.UseSqlite(storage.ConnectionString ?? $"Data Source={Path.Combine(Path.GetFullPath(silo.DataDirectory), "mesh.db")}");
            }

            if (cluster.Enabled)
            {
                rt.UsePostgresClustering(o =>
                {
                    o.SiloPort = cluster.SiloPort;
                    o.ListenAddress = cluster.ListenAddress;
                    o.AdvertisedHost = cluster.AdvertisedHost;
                    o.LeaseDuration = cluster.LeaseDuration;
                    o.RenewInterval = cluster.RenewInterval;
                    o.MaxCallRetries = cluster.MaxCallRetries;
                    o.TlsCertificatePath = cluster.TlsCertificatePath;
                    o.TlsCertificatePassword = cluster.TlsCertificatePassword;
                });
            }

            configureRuntime?.Invoke(rt);
        });
        builder.AddMeshTelemetry(siloId);
        return builder;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            throw new SiloConfigurationException(exception.Message);
        }
    }
}
