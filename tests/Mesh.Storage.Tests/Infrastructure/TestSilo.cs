using Mesh.Testing;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>A real silo in a generic host on free loopback ports; stopped and disposed with the test.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host, int gatewayPort)
    {
        _host = host;
        GatewayPort = gatewayPort;
    }

    public IServiceProvider Services => _host.Services;

    public int GatewayPort { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A single-node silo (localhost clustering) with the given storage.</summary>
    public static Task<TestSilo> StartLocalAsync(string serviceId, Action<ISiloBuilder> configure) =>
        StartAsync((silo, siloPort, gatewayPort) =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: serviceId);
            configure(silo);
        });

    /// <summary>A cluster member on loopback; the caller picks the clustering.</summary>
    public static Task<TestSilo> StartClusteredAsync(string serviceId, Action<ISiloBuilder> configure) =>
        StartAsync((silo, siloPort, gatewayPort) =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (serviceId, serviceId));
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloPort = siloPort;
                o.GatewayPort = gatewayPort;
            });
            configure(silo);
        });

    /// <summary>A host configured by <paramref name="configure"/> but not started: its services are the real ones.</summary>
    public static IHost Build(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(configure);
        return builder.Build();
    }


    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static async Task<TestSilo> StartAsync(Action<ISiloBuilder, int, int> configure)
    {
        var gatewayPort = TestPorts.Next();
        var host = Build(silo => configure(silo, TestPorts.Next(), gatewayPort));
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host, gatewayPort);
    }
}
