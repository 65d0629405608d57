using Mesh.Silo.Hosting;
using Mesh.Storage;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Benchmarks;

/// <summary>
/// One silo in this process, wired by the production <see cref="MeshSiloBuilderExtensions.UseMeshSilo"/> (no HTTP API,
/// no OpenTelemetry), with Mesh.TestGrains loaded: SQLite in a temporary folder, or a fresh database on the throwaway
/// PostgreSQL server (a one-silo cluster).
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _directory;

    private InProcessSilo(IHost host, string? directory)
    {
        _host = host;
        _directory = directory;
    }

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static Task<InProcessSilo> StartAsync(StorageProvider provider, CancellationToken cancellationToken) =>
        provider == StorageProvider.Sqlite ? StartSqliteAsync(cancellationToken) : StartPostgreSqlAsync(cancellationToken);

    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="configureServices">Extra services (the domain benchmarks add the mesh's grain services here).</param>
    public static async Task<InProcessSilo> StartSqliteAsync(CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        var directory = Directory.CreateTempSubdirectory("mesh-bench-").FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(directory, "mesh.db")}";
            return await StartAsync(StorageProvider.Sqlite, connectionString, directory, cancellationToken, configureServices);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public static async Task<InProcessSilo> StartPostgreSqlAsync(CancellationToken cancellationToken)
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("bench");
        return await StartAsync(StorageProvider.PostgreSql, connectionString, directory: null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<InProcessSilo> StartAsync(StorageProvider provider, string connectionString, string? directory, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        await SchemaMigrator.ApplyAsync(provider, connectionString, cancellationToken);
        var options = new MeshOptions
        {
            Storage = { Provider = provider, ConnectionString = connectionString },
            Orleans = { SiloPort = TestPorts.Next(), GatewayPort = TestPorts.Next() },
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        configureServices?.Invoke(builder.Services);
        builder.UseOrleans(silo => silo.UseMeshSilo(options, connectionString, "bench"));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new InProcessSilo(host, directory);
    }
}
