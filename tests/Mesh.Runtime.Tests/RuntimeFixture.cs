using Mesh.Runtime.Hosting;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Runtime.Tests;

/// <summary>Starts silos for runtime tests: the test grains, their helper services, SQLite or PostgreSQL storage.</summary>
public static class RuntimeFixture
{
    public static string NewSqliteConnectionString() =>
        $"Data Source={Path.Combine(Path.GetTempPath(), "mesh-test-" + Guid.NewGuid().ToString("N")[..10] + ".db")}";

    public static Task<TestSilo> StartSqliteAsync(string? connectionString = null, TimeProvider? time = null, Action<RuntimeOptions>? options = null, LifecycleLog? log = null, GateRegistry? gates = null) =>
        StartAsync(b => b.UseSqlite(connectionString ?? NewSqliteConnectionString()), time, options, log, gates);

    public static async Task<TestSilo> StartPostgresAsync(string? connectionString = null, TimeProvider? time = null, Action<RuntimeOptions>? options = null, LifecycleLog? log = null)
    {
        connectionString ??= await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("runtime");
        return await StartAsync(b => b.UsePostgreSql(connectionString), time, options, log, null);
    }

    public static Task<TestSilo> StartAsync(Action<MeshRuntimeBuilder> storage, TimeProvider? time, Action<RuntimeOptions>? options, LifecycleLog? log, GateRegistry? gates) =>
        TestSilo.StartAsync(
            b =>
            {
                storage(b);
                b.AddGrainAssembly(typeof(RuntimeFixture).Assembly);
                if (options is not null)
                {
                    b.Configure(options);
                }
            },
            time,
            services =>
            {
                services.AddSingleton(log ?? new LifecycleLog());
                services.AddSingleton(gates ?? new GateRegistry());
            });
}
