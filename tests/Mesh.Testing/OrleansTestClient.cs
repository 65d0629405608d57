using Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Mesh.Testing;

/// <summary>An Orleans client (an external caller, as a router or the CLI would be) connected to real silos.</summary>
public sealed class OrleansTestClient : IAsyncDisposable
{
    private readonly IHost _host;

    private OrleansTestClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects through the gateways listed in the PostgreSQL membership table (every live silo).</summary>
    public static Task<OrleansTestClient> ConnectAsync(string postgresConnectionString, string clusterId = "mesh", string serviceId = "mesh") =>
        StartAsync(client => client.UseMeshPostgreSqlClustering(postgresConnectionString), clusterId, serviceId);

    /// <summary>Connects to one single-node silo's gateway on loopback.</summary>
    public static Task<OrleansTestClient> ConnectLocalhostAsync(int gatewayPort, string clusterId = "mesh", string serviceId = "mesh") =>
        StartAsync(client => client.UseLocalhostClustering(gatewayPort, serviceId, clusterId), clusterId, serviceId);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static async Task<OrleansTestClient> StartAsync(Action<IClientBuilder> clustering, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            // Leave a dead or frozen gateway within seconds (Orleans' default refresh is a minute).
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            client.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
            clustering(client);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansTestClient(host);
    }
}
