using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Testing.ChainNode;

/// <summary>
/// The simulated chains of a <c>chains.json</c>, served over HTTP on a free loopback port from the test process, as a
/// real chain's node lives outside the cluster: every silo of a test points at it (<see cref="SiloSetting"/>), so a
/// deposit submitted through one silo is the same transaction on every other, and a killed silo loses no chain state.
/// Tests read and steer the chains directly through <see cref="Chains"/>.
/// </summary>
public sealed class SimulatedChainNode : IAsyncDisposable
{
    /// <summary>The configuration key a silo reads the node's address from (<c>--Test:ChainNode=http://…</c>).</summary>
    public const string SettingKey = "Test:ChainNode";

    private readonly WebApplication _app;

    private SimulatedChainNode(WebApplication app, ISimulatedChainProvider chains, Uri baseAddress)
    {
        _app = app;
        Chains = chains;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the node's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the chains the node serves, for direct reads (balances, supply) and control (faucet, halts, faults).</summary>
    public ISimulatedChainProvider Chains { get; }

    /// <summary>Gets the command-line setting that points a silo at this node.</summary>
    public string SiloSetting => $"--{SettingKey}={BaseAddress}";

    /// <summary>The simulated chain of a name.</summary>
    /// <param name="name">The chain name.</param>
    /// <returns>The chain.</returns>
    public ISimulatedChain Chain(string name) => Chains.GetSimulated(name);

    /// <summary>Starts a node for the repository's <c>chains.json</c> on the system clock.</summary>
    /// <returns>The running node.</returns>
    public static Task<SimulatedChainNode> StartAsync() =>
        StartAsync(ChainsConfigurationLoader.Load(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json")));

    /// <summary>Starts a node for <paramref name="configuration"/> on the system clock (blocks every block time of wall time).</summary>
    /// <param name="configuration">The chains.</param>
    /// <param name="options">The chains' behaviour; defaults when null.</param>
    /// <returns>The running node.</returns>
    public static async Task<SimulatedChainNode> StartAsync(ChainsConfiguration configuration, SimulatedChainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chains = SimulatedChains.CreateProvider(configuration, TimeProvider.System, options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapChainNodeEndpoints(chains);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SimulatedChainNode(app, chains, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops serving.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
