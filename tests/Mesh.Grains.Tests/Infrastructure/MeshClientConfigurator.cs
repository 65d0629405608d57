using Mesh.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>
/// Connects the TestCluster client the way an external client connects: through the PostgreSQL membership table, or to
/// the single node's gateway on loopback.
/// </summary>
public sealed class MeshClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var options = MeshClusterSettings.ForClient(configuration);
        var orleans = options.Orleans;
        var responseTimeout = MeshClusterSettings.Duration(configuration, MeshClusterSettings.ClientResponseTimeout) ?? orleans.ResponseTimeout;
        clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        if (options.Storage.Provider == StorageProvider.PostgreSql)
        {
            clientBuilder.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
            clientBuilder.UseMeshPostgreSqlClustering(options.Storage.ConnectionString!);
        }
        else
        {
            clientBuilder.UseLocalhostClustering(MeshClusterSettings.FirstGatewayPort(configuration), orleans.ServiceId, orleans.ClusterId);
        }
    }
}
