using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Runtime.Tests.Cluster;

internal static class ClusterFixture
{
    public static async Task<TestCluster> StartAsync(int silos, string? database = null, PostgresServer? server = null, LifecycleLog? sharedLog = null)
    {
        server ??= await PostgresServer.SharedAsync();
        database ??= await server.CreateDatabaseAsync("cluster");
        return await TestCluster.StartAsync(
            silos,
            database,
            b => b.AddGrainAssembly(typeof(ClusterFixture).Assembly),
            s =>
            {
                s.AddSingleton(sharedLog ?? new LifecycleLog());
                s.AddSingleton(new GateRegistry());
            });
    }

    /// <summary>Finds a grain key whose partition the given silo owns.</summary>
    public static string KeyOwnedBy(TestSilo silo, string prefix)
    {
        for (var i = 0; ; i++)
        {
            var key = prefix + i;
            if (silo.Owns(new GrainId("clustercounter", key)))
            {
                return key;
            }
        }
    }
}
