using System.Net;
using Mesh.Api;
using Mesh.Chains.Configuration;
using Mesh.Grains.Hosting;
using Mesh.Grains.Resilience;
using Mesh.Silo.Chains;
using Mesh.Silo.Dashboard;
using Mesh.Silo.Telemetry;
using Mesh.Storage;
using Orleans.Dashboard;

namespace Mesh.Silo.Hosting;

/// <summary>Wires a Mesh silo into an ASP.NET Core host: settings, chains, Orleans, storage, telemetry, the HTTP API.</summary>
public static class MeshSiloExtensions
{
    /// <summary>
    /// Adds a Mesh silo. Reads and validates every setting and <c>chains.json</c> now, so that a bad one stops start-up
    /// before anything is created. The host runs <see cref="SchemaMigration"/> before it starts (see <see cref="MeshSiloHost"/>).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configureSilo">Extra silo configuration (tests add grains or options here).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="SiloConfigurationException">A setting is unknown, malformed or names a resource in use.</exception>
    /// <exception cref="ChainsConfigurationException">The chains file is missing or invalid.</exception>
    public static WebApplicationBuilder AddMeshSilo(this WebApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = SettingsReader.Read(builder.Configuration);
        var chains = ChainsConfigurationLoader.Load(Path.GetFullPath(options.ChainsFile));
        // The coordinators' settings name the mesh's markets, so they are checked once chains.json is read (a bad one
        // would otherwise surface as a failed host start with a stack trace, not one line naming it).
        try
        {
            options.Rebalancing.Validate(chains.Assets);
        }
        catch (ArgumentException exception)
        {
            throw new SiloConfigurationException(exception.Message);
        }

        var signer = options.Chains.Mode == ChainsMode.Evm ? SigningKeyLoader.Load(options.Evm, options.Chains.Dev, Environment.GetEnvironmentVariable) : null;
        // The key lives on in the signer only: the settings object is served to endpoints and must not carry it.
        options.Evm.SigningKey = null;
        var orleans = options.Orleans;
        if (orleans.Kubernetes)
        {
            KubernetesHosting.EnsureEnvironment(Environment.GetEnvironmentVariable);
        }

        var listen = orleans.Kubernetes ? IPAddress.Any : IPAddress.Parse(orleans.ListenAddress);
        PortCheck.EnsureUrlsFree(builder.Configuration["Urls"]);
        var storage = ResolveStorage(builder, options);
        var cluster = options.Storage.Provider == StorageProvider.PostgreSql;
        PortCheck.EnsureFree("Mesh:Orleans:SiloPort", cluster ? listen : IPAddress.Loopback, orleans.SiloPort);
        PortCheck.EnsureFree("Mesh:Orleans:GatewayPort", cluster ? listen : IPAddress.Loopback, orleans.GatewayPort);

        builder.Services.AddSingleton(options);
        builder.Services.AddMeshGrains(chains);
        if (signer is not null)
        {
            builder.Services.UseMeshEvmChains(options, chains, signer);
        }

        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Protocols));
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Risk));
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Oracles));
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.InterestRates));
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Chains.Monitor));
        builder.Services.AddMeshGrainCallResilience();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        builder.Services.AddSingleton(services => new SchemaMigration(options.Storage.Provider, storage, services.GetRequiredService<ILogger<SchemaMigration>>()));
        // On Kubernetes the silo is its pod (Orleans' hosting names it so); telemetry says the same name.
        var siloName = orleans.Kubernetes ? Environment.GetEnvironmentVariable("POD_NAME")!.Trim()
            : string.IsNullOrWhiteSpace(options.SiloName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : options.SiloName;
        builder.UseOrleans(silo =>
        {
            silo.UseMeshSilo(options, storage, siloName);
            silo.AddDashboard();
            configureSilo?.Invoke(silo);
        });
        builder.AddMeshTelemetry(siloName);

        // After the silo: the operator key bootstrap is a hosted service that needs the silo up.
        if (string.IsNullOrWhiteSpace(options.Api.OperatorKeyFile))
        {
            options.Api.OperatorKeyFile = Path.Combine(options.DataDirectory, "operator.key");
        }

        builder.Services.AddMeshApi(options.Api);
        builder.Services.AddMeshDashboards();
        return builder;
    }

    private static string ResolveStorage(WebApplicationBuilder builder, MeshOptions options)
    {
        if (options.Storage.Provider == StorageProvider.PostgreSql)
        {
            return StorageConnection.Resolve(options, folder: null);
        }

        var folder = DataDirectoryLock.Acquire(options.DataDirectory);
        builder.Services.AddSingleton(folder);
        return StorageConnection.Resolve(options, folder);
    }
}
