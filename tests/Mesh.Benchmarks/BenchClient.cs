using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Mesh.Benchmarks;

/// <summary>
/// An Orleans client connected to exactly the gateways given (so a <c>[PreferLocalPlacement]</c> grain it activates
/// lands on that silo, and a recovery probe calls only survivors), with a chosen response timeout.
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<BenchClient> ConnectAsync(int[] gatewayPorts, TimeSpan responseTimeout, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(gatewayPorts, serviceId: "mesh", clusterId: "mesh");
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BenchClient(host);
    }

    /// <summary>For benchmarks: a relay's batch of calls may take longer than the default 30 s.</summary>
    public static Task<BenchClient> ConnectAsync(int gatewayPort, CancellationToken cancellationToken) =>
        ConnectAsync([gatewayPort], TimeSpan.FromMinutes(10), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
