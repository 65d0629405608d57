using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>
/// Starts an Orleans <see cref="TestCluster"/> whose silos run the production wiring (<c>UseMeshSilo</c>) on real
/// storage: real ADO.NET membership on PostgreSQL, or localhost clustering on a SQLite file; TCP between silos and
/// client; no TestCluster membership, and no grain directory other than the one <c>UseMeshSilo</c> picks.
/// </summary>
internal static class MeshTestCluster
{
    public static async Task<TestCluster> StartAsync(MeshClusterSpec spec)
    {
        var builder = new TestClusterBuilder(spec.Silos);
        builder.Options.ClusterId = spec.Id;
        builder.Options.ServiceId = spec.Id;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;

        // TestCluster adds Orleans' distributed grain directory to every silo; the production wiring decides that itself.
        builder.Options.SiloBuilderConfiguratorTypes.RemoveAll(type => type is not null && type.StartsWith("Orleans.TestingHost.ConfigureDistributedGrainDirectory,", StringComparison.Ordinal));
        foreach (var (key, value) in spec.Properties())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<MeshSiloConfigurator>();
        builder.Options.SiloBuilderConfiguratorTypes.AddRange(spec.SiloConfigurators.Select(t => t.AssemblyQualifiedName!));
        builder.AddClientBuilderConfigurator<MeshClientConfigurator>();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops every silo gracefully (as a deployment is stopped) and releases the cluster.</summary>
    public static async Task StopAsync(TestCluster cluster)
    {
        try
        {
            await cluster.StopAllSilosAsync();
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>The services of the silo at <paramref name="address"/> (its parsable string).</summary>
    public static IServiceProvider Services(this TestCluster cluster, string address) =>
        cluster.Silos.OfType<InProcessSiloHandle>().Single(s => s.SiloAddress.ToParsableString() == address).SiloHost.Services;

    /// <summary>The silo addresses, as grains report them.</summary>
    public static IReadOnlyList<string> SiloAddresses(this TestCluster cluster) =>
        cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).ToList();
}
