using System.Net;
using Mesh.Grains.Diagnostics;
using Mesh.Storage;
using Orleans.Configuration;

namespace Mesh.Silo.Hosting;

/// <summary>The Orleans side of a Mesh silo; <see cref="MeshSiloExtensions.AddMeshSilo"/> and test clusters both use it.</summary>
public static class MeshSiloBuilderExtensions
{
    /// <summary>Configures cluster identity, endpoints, membership tuning, storage, reminders, directory and trace propagation.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="connectionString">The storage connection string (PostgreSQL, or the SQLite file).</param>
    /// <param name="siloName">The silo's name.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseMeshSilo(this ISiloBuilder silo, MeshOptions options, string connectionString, string siloName)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var orleans = options.Orleans;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans.ClusterId;
            o.ServiceId = orleans.ServiceId;
        });
        silo.Configure<SiloOptions>(o => o.SiloName = siloName);
        // SiloMessagingOptions, not MessagingOptions: a silo binds its own options type, so the base one is never applied.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = orleans.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = orleans.CollectionAge);
        silo.Configure<ClusterMembershipOptions>(o => CopyMembership(orleans.Membership, o));
        if (options.Storage.Provider == StorageProvider.PostgreSql)
        {
            if (orleans.Kubernetes)
            {
                // The pod's name, cluster labels and listening on every interface come from Orleans' Kubernetes hosting;
                // the advertised address is set here (see KubernetesHosting.PodAddress).
                var pod = KubernetesHosting.PodAddress(Environment.GetEnvironmentVariable);
                silo.Configure<EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = pod;
                    o.SiloPort = orleans.SiloPort;
                    o.GatewayPort = orleans.GatewayPort;
                });
                silo.UseKubernetesHosting();
            }
            else
            {
                var listen = IPAddress.Parse(orleans.ListenAddress);
                var advertised = AdvertisedAddress.Resolve(orleans.AdvertisedHost);
                silo.Configure<EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = advertised;
                    o.SiloPort = orleans.SiloPort;
                    o.GatewayPort = orleans.GatewayPort;
                    o.SiloListeningEndpoint = new IPEndPoint(listen, orleans.SiloPort);
                    o.GatewayListeningEndpoint = new IPEndPoint(listen, orleans.GatewayPort);
                });
            }

            silo.UseMeshPostgreSqlClustering(connectionString);
            silo.UseMeshPostgreSqlStorage(connectionString);
            if (orleans.GrainDirectory == GrainDirectoryKind.Distributed)
            {
                silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = orleans.GrainDirectoryLeaseDuration);
#pragma warning disable ORLEANSEXP003 // Strongly consistent directory; chosen on evidence in docs/decisions/0002-grain-directory.md.
                silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            }
        }
        else
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            silo.UseMeshSqliteStorage(connectionString);
        }

        // Storage errors reach callers with their own type and message instead of a missing-codec error.
        silo.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        silo.AddActivityPropagation();
        silo.AddMeshSpanTags(); // after the propagation: the call's span is current when the tags are set
        return silo;
    }

    private static void CopyMembership(ClusterMembershipOptions from, ClusterMembershipOptions to)
    {
        foreach (var property in typeof(ClusterMembershipOptions).GetProperties().Where(p => p.CanRead && p.CanWrite))
        {
            property.SetValue(to, property.GetValue(from));
        }
    }
}
