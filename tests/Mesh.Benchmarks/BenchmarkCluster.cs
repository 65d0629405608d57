using Mesh.Runtime;
using Mesh.Testing;

namespace Mesh.Benchmarks;

internal static class BenchmarkCluster
{
    public static async Task<TestCluster> StartAsync(int silos, Action<Mesh.Runtime.Hosting.RuntimeOptions>? options = null)
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("benchcluster");
        return await TestCluster.StartAsync(silos, database, b =>
        {
            b.AddGrainAssembly(typeof(BenchmarkCluster).Assembly);
            if (options is not null)
            {
                b.Configure(options);
            }
        });
    }

    public static string[] KeysOwnedBy(TestSilo silo, string prefix, int count) =>
        Enumerable.Range(0, int.MaxValue)
            .Select(i => prefix + i)
            .Where(k => silo.Owns(new GrainId("ping", k)))
            .Take(count)
            .ToArray();
}
