using Mesh.Grains.Hosting;
using Mesh.Grains.Protocols;
using Mesh.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>Configures each TestCluster silo with the production wiring, <see cref="MeshSiloBuilderExtensions.UseMeshSilo"/>.</summary>
public sealed class MeshSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var options = MeshClusterSettings.ForSilo(configuration);
        siloBuilder.UseMeshSilo(options, options.Storage.ConnectionString!, options.SiloName!);
        siloBuilder.Services.AddMeshGrains(TestChains.Load());
        siloBuilder.Services.Configure<ProtocolAdmissionOptions>(configuration.GetSection("Mesh:Protocols"));
        siloBuilder.Services.Configure<Mesh.Grains.Oracles.MeshOracleOptions>(configuration.GetSection("Mesh:Oracles"));

        if (MeshClusterSettings.Duration(configuration, MeshClusterSettings.MinimumReminderPeriod) is { } minimum)
        {
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = minimum);
        }
    }
}
