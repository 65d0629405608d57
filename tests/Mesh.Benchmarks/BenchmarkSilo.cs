using Mesh.Runtime;
using Mesh.Testing;

namespace Mesh.Benchmarks;

internal static class BenchmarkSilo
{
    public static Task<TestSilo> StartSqliteAsync() =>
        TestSilo.StartAsync(b => b
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "mesh-bench-" + Guid.NewGuid().ToString("N")[..8] + ".db")}")
            .AddGrainAssembly(typeof(BenchmarkSilo).Assembly));

    public static async Task<TestSilo> StartPostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("bench");
        return await TestSilo.StartAsync(b => b.UsePostgreSql(database).AddGrainAssembly(typeof(BenchmarkSilo).Assembly));
    }
}
